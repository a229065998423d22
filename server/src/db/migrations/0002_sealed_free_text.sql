ALTER TABLE `tips` ADD `region_code` text;--> statement-breakpoint
ALTER TABLE `tips` ADD `reasons_sealed` text;