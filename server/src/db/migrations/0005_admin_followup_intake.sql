CREATE TABLE `followup_sessions` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`tip_id` text NOT NULL,
	`expires_at` integer NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`tip_id`) REFERENCES `tips`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `followup_sessions_expires` ON `followup_sessions` (`expires_at`);--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
DROP INDEX `tips_status_priority_created`;--> statement-breakpoint
ALTER TABLE `tips` ADD `channel` text DEFAULT 'web' NOT NULL;--> statement-breakpoint
ALTER TABLE `tips` ADD `entered_by` text REFERENCES staff(id);--> statement-breakpoint
ALTER TABLE `tips` ADD `awaiting_reply_since` integer;--> statement-breakpoint
ALTER TABLE `tips` ADD `unread_messages` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `tips_awaiting_reply` ON `tips` (`awaiting_reply_since`);--> statement-breakpoint
CREATE INDEX `tips_status_priority_created` ON `tips` (`status`,`priority`,`created_at`,`id`);--> statement-breakpoint
ALTER TABLE `agencies` ADD `disabled` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `partners` ADD `disabled` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `staff` ADD `must_change_password` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `staff` ADD `last_sign_in_at` integer;