CREATE TABLE `sign_in_throttle` (
	`key` text PRIMARY KEY NOT NULL,
	`failures` integer DEFAULT 0 NOT NULL,
	`locked_until` integer,
	`expires_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `tip_links` (
	`tip_id` text NOT NULL,
	`linked_tip_id` text NOT NULL,
	`staff_id` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`tip_id`) REFERENCES `tips`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`linked_tip_id`) REFERENCES `tips`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tip_links_pair` ON `tip_links` (`tip_id`,`linked_tip_id`);--> statement-breakpoint
CREATE INDEX `tip_links_linked` ON `tip_links` (`linked_tip_id`);--> statement-breakpoint
ALTER TABLE `agencies` ADD `is_coordinating` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `sessions` ADD `last_seen_at` integer;--> statement-breakpoint
ALTER TABLE `sessions` ADD `pending_second_factor` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `staff` ADD `totp_enrolled_at` integer;--> statement-breakpoint
ALTER TABLE `staff` ADD `totp_last_step` integer;--> statement-breakpoint
ALTER TABLE `staff` ADD `language` text DEFAULT 'fr' NOT NULL;--> statement-breakpoint
ALTER TABLE `staff` ADD `failed_sign_ins` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `staff` ADD `locked_until` integer;--> statement-breakpoint
ALTER TABLE `tips` ADD `assigned_to` text REFERENCES staff(id);--> statement-breakpoint
ALTER TABLE `tips` ADD `duplicate_of` text;--> statement-breakpoint
ALTER TABLE `tips` ADD `updated_at` integer;--> statement-breakpoint
CREATE INDEX `tips_status_priority_created` ON `tips` (`status`,`priority`,`created_at`);