-- The hotline never loses its last admin who can sign in. The console checks first and says so beside the field;
-- this trigger holds when two admins demote or disable each other at the same moment, and aborts the whole
-- batch, audit entry included.
CREATE TRIGGER `staff_keeps_an_active_admin`
BEFORE UPDATE OF `role`, `disabled` ON `staff`
FOR EACH ROW
WHEN OLD.`role` = 'admin' AND OLD.`disabled` = 0 AND (NEW.`role` <> 'admin' OR NEW.`disabled` <> 0)
  AND NOT EXISTS (SELECT 1 FROM `staff` WHERE `role` = 'admin' AND `disabled` = 0 AND `id` <> OLD.`id`)
BEGIN
  SELECT RAISE(ABORT, 'balagh: the last active admin');
END;
