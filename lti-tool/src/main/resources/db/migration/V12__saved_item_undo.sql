-- Saved (Opgeslagen): removing an item from the timeline can be undone, so removal only marks the row.
-- Saving the same item again brings it back to the top of the timeline.
alter table saved_item add column removed_at timestamp with time zone;
