-- What an application writes between the migration and the cut-over: about 1% of the rows of each table it
-- touches, changed, added or deleted, chosen by id remainder so that the same share changes at every scale.
-- Run by Invoke-Benchmark.ps1 (Chinook.Bench change) on a scratch copy before Sync-ChinookToDynamo is measured.

-- Changed: prices (the tracks and the playlist pages that copy them), artist names (their albums, tracks, order
-- lines and playlist pages), customer e-mails (their profiles and the e-mail index).
UPDATE Track SET UnitPrice = UnitPrice + 0.50 WHERE TrackId % 100 = 1;
UPDATE Artist SET Name = Name || ' (Remastered)' WHERE ArtistId % 100 = 2;
UPDATE Customer SET Email = 'new.' || Email WHERE CustomerId % 100 = 3;

-- Deleted: playlist entries, tracks that were never sold (with their playlist entries), whole playlists (small
-- ones only: one of the 3,290-track playlists alone would be 2% of the rows).
DELETE FROM PlaylistTrack WHERE (PlaylistId + TrackId) % 100 = 4;
DELETE FROM PlaylistTrack WHERE TrackId IN (SELECT TrackId FROM Track WHERE TrackId % 100 = 5 AND TrackId NOT IN (SELECT TrackId FROM InvoiceLine));
DELETE FROM Track WHERE TrackId % 100 = 5 AND TrackId NOT IN (SELECT TrackId FROM InvoiceLine);
CREATE TEMP TABLE GonePlaylist AS
    SELECT p.PlaylistId FROM Playlist p
    WHERE p.PlaylistId % 100 = 13 AND (SELECT COUNT(*) FROM PlaylistTrack t WHERE t.PlaylistId = p.PlaylistId) < 100;
DELETE FROM PlaylistTrack WHERE PlaylistId IN (SELECT PlaylistId FROM GonePlaylist);
DELETE FROM Playlist WHERE PlaylistId IN (SELECT PlaylistId FROM GonePlaylist);
DROP TABLE GonePlaylist;

-- Added: new customers, and new invoices with their lines (a year after the ones they copy) for existing customers.
INSERT INTO Customer (CustomerId, FirstName, LastName, Company, Address, City, State, Country, PostalCode, Phone, Fax, Email, SupportRepId)
    SELECT CustomerId + (SELECT MAX(CustomerId) FROM Customer), FirstName, LastName, Company, Address, City, State, Country, PostalCode, Phone, Fax,
        'copy.' || Email, SupportRepId
    FROM Customer WHERE CustomerId % 100 = 6;
CREATE TEMP TABLE NewInvoice AS
    SELECT InvoiceId AS OldId, InvoiceId + (SELECT MAX(InvoiceId) FROM Invoice) AS NewId FROM Invoice WHERE InvoiceId % 100 = 7;
INSERT INTO Invoice (InvoiceId, CustomerId, InvoiceDate, BillingAddress, BillingCity, BillingState, BillingCountry, BillingPostalCode, Total)
    SELECT n.NewId, i.CustomerId, datetime(i.InvoiceDate, '+1 year'), i.BillingAddress, i.BillingCity, i.BillingState, i.BillingCountry, i.BillingPostalCode, i.Total
    FROM Invoice i JOIN NewInvoice n ON n.OldId = i.InvoiceId;
INSERT INTO InvoiceLine (InvoiceLineId, InvoiceId, TrackId, UnitPrice, Quantity)
    SELECT l.InvoiceLineId + (SELECT MAX(InvoiceLineId) FROM InvoiceLine), n.NewId, l.TrackId, l.UnitPrice, l.Quantity
    FROM InvoiceLine l JOIN NewInvoice n ON n.OldId = l.InvoiceId;
DROP TABLE NewInvoice;
