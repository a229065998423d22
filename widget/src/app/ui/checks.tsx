import { Group, type GroupProps, OptionText } from "./fields.js";

export const Checks = <V extends string>(props: GroupProps<V> & { value: V[]; onChange: (value: V[]) => void }) => (
  <Group
    {...props}
    inputs={props.options.map((option, i) => (
      <label class="option" key={option.value}>
        <input
          type="checkbox"
          name={props.name}
          id={i === 0 ? props.name : undefined}
          value={option.value}
          checked={props.value.includes(option.value)}
          onChange={(event) => {
            const on = event.currentTarget.checked;
            props.onChange(on ? [...props.value, option.value] : props.value.filter((v) => v !== option.value));
          }}
        />
        <OptionText option={option} />
      </label>
    ))}
  />
);
