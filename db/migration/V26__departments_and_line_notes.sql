-- 部門 (departments): catalog entries sold at a price typed at the counter: a repair, a one-off, an item the
-- catalog lacks. A department line is a purchase line like any other, so it counts in sales, visits and the
-- portfolio with no special case anywhere. Its price is the shop's default for it, or typed when that is 0.
alter table product add column department boolean not null default false;

-- What a line was, in the clerk's words ("包丁研ぎ 2本"), or the code a scanner read that the catalog lacked.
alter table purchase_line add column note text check (char_length(note) <= 100);
