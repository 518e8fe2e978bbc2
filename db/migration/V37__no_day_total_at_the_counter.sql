-- The counter no longer sums its store's day before each sale (SaleLimits: a sale's own bound already keeps
-- every sum within range). That sum was this index's only reader, and it read more of the day with each
-- sale; kept, it would cost every sale one more index entry for nothing.
drop index purchase_store_day;
