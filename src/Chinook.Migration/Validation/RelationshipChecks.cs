using System;
using System.Collections.Generic;
using System.Linq;
using Chinook.Migration.Items;
using Chinook.Migration.Source;

namespace Chinook.Migration.Validation
{
    /// <summary>
    /// Follows every reference of the source schema through the target: the referenced item must be there, and the
    /// names copied along the reference (denormalized) must equal the referenced item's own. References the source
    /// itself breaks (orphans) are left out and counted in the message.
    /// </summary>
    public static class RelationshipChecks
    {
        private const string Unresolved = "unresolved";
        private const string Disagreeing = "with a copy that disagrees";
        private const string Unlisted = "not listed in the referenced item's partition";
        private const string Misplaced = "in another partition than the referenced item";

        /// <summary>The foreign keys checked, as (table, column): every one of the schema that the target keeps.</summary>
        public static IReadOnlyList<(string Table, string Column)> Relationships { get; } = Rules().Select(r => (r.Table, r.Column)).ToList();

        /// <param name="sourceOrphans">The keys of the source rows whose (table, column) reference is broken in the source itself.</param>
        public static IReadOnlyList<ValidationResult> Check(TargetSnapshot snapshot, Func<string, string, ISet<string>> sourceOrphans, int failingKeyCount)
        {
            var entities = new TargetEntities(snapshot);
            return Rules().Select(rule => Check(rule, entities, sourceOrphans(rule.Table, rule.Column), failingKeyCount)).ToList();
        }

        private static ValidationResult Check(Rule rule, TargetEntities entities, ISet<string> orphans, int failingKeyCount)
        {
            var findings = new Discrepancies(failingKeyCount);
            long references = 0;
            long kept = 0;
            var skipped = 0;
            foreach (var link in rule.Links(entities))
            {
                if (orphans.Contains(link.RowKey))
                {
                    skipped++;
                    continue;
                }
                references++;
                if (link.Category is null)
                {
                    kept++;
                }
                else
                {
                    findings.Add(link.Category, link.RowKey, link.Detail!);
                }
            }
            var name = $"{rule.Table}.{rule.Column} -> {rule.Referenced}";
            var orphanNote = skipped == 0 ? string.Empty : $" {Discrepancies.Count(skipped)} reference(s) the source itself breaks are left out.";
            var passed = findings.Total == 0;
            return new ValidationResult(ValidationKind.Relationship, name, rule.Table, passed, references, kept,
                (passed
                    ? $"All {Discrepancies.Count(references)} references resolve in the target{rule.CopiesNote}."
                    : $"{Discrepancies.Count(kept)} of {Discrepancies.Count(references)} references hold in the target; {findings.Summary()}.") + orphanNote,
                passed ? null : findings.Keys);
        }

        private static IEnumerable<Rule> Rules()
        {
            yield return new Rule("Album", "ArtistId", "Artist", ", with ArtistName equal to the artist's Name", AlbumArtist);
            yield return new Rule("Track", "AlbumId", "Album", ", with AlbumTitle, ArtistId and ArtistName equal to the album's and its artist's", TrackAlbum);
            yield return new Rule("Track", "GenreId", "Genre", ", with GenreName equal to the genre's Name", e => TrackReference(e, "GenreId", ChinookEntity.Genre, ItemAttributes.Track.GenreName));
            yield return new Rule("Track", "MediaTypeId", "MediaType", ", with MediaTypeName equal to the media type's Name", e => TrackReference(e, "MediaTypeId", ChinookEntity.MediaType, ItemAttributes.Track.MediaTypeName));
            yield return new Rule("Invoice", "CustomerId", "Customer", ", each order in its customer's partition", InvoiceCustomer);
            yield return new Rule("InvoiceLine", "TrackId", "Track", ", with TrackName, AlbumTitle and ArtistName equal to the track's, its album's and its artist's", InvoiceLineTrack);
            yield return new Rule("PlaylistTrack", "TrackId", "Track", ", with Name, AlbumTitle and ArtistName equal to the track's, its album's and its artist's, and Duration and UnitPrice to the track's Milliseconds and UnitPrice", PlaylistTrackTrack);
            yield return new Rule("Customer", "SupportRepId", "Employee", ", with SupportRepName equal to the rep's name and the customer listed in the rep's partition", CustomerSupportRep);
            yield return new Rule("Employee", "ReportsTo", "Employee", ", with ManagerName and the chain of command starting at the manager, and the employee listed in the manager's partition", EmployeeManager);
        }

        private static IEnumerable<Link> AlbumArtist(TargetEntities entities) =>
            from album in entities.All(ChinookEntity.Album)
            let artistId = TargetEntities.Long(album, "ArtistId")
            where artistId is not null
            select Follow(Key("Album", album.Attributes), "ArtistId", artistId, entities.Find(ChinookEntity.Artist, artistId), "Artist",
                artist => Agree((ItemAttributes.Album.ArtistName, album.Attributes, TargetEntities.Value(artist, "Name"), "the artist's Name")));

        private static IEnumerable<Link> TrackAlbum(TargetEntities entities) =>
            from track in entities.All(ChinookEntity.Track)
            let albumId = TargetEntities.Long(track, "AlbumId")
            where albumId is not null
            select Follow(Key("Track", track.Attributes), "AlbumId", albumId, entities.Find(ChinookEntity.Album, albumId), "Album", album =>
            {
                var artist = entities.Find(ChinookEntity.Artist, TargetEntities.Long(album, "ArtistId"));
                return Agree((ItemAttributes.Track.AlbumTitle, track.Attributes, TargetEntities.Value(album, "Title"), "the album's Title"),
                    (ItemAttributes.Track.ArtistId, track.Attributes, TargetEntities.Value(album, "ArtistId"), "the album's ArtistId"),
                    (ItemAttributes.Track.ArtistName, track.Attributes, TargetEntities.Value(artist, "Name"), "the album's artist's Name"));
            });

        private static IEnumerable<Link> TrackReference(TargetEntities entities, string column, ChinookEntity referenced, string copy) =>
            from track in entities.All(ChinookEntity.Track)
            let id = TargetEntities.Long(track, column)
            where id is not null
            select Follow(Key("Track", track.Attributes), column, id, entities.Find(referenced, id), referenced.ToString(),
                target => Agree((copy, track.Attributes, TargetEntities.Value(target, "Name"), $"the {referenced}'s Name")));

        private static IEnumerable<Link> InvoiceCustomer(TargetEntities entities) =>
            from order in entities.All(ChinookEntity.Order)
            let customerId = TargetEntities.Long(order, "CustomerId")
            where customerId is not null
            select Follow(Key("Invoice", order.Attributes), "CustomerId", customerId, entities.Find(ChinookEntity.Customer, customerId), "Customer",
                customer => order.PK == customer.PK ? null : new Finding(Misplaced, $"the order is in partition {order.PK}, its customer in {customer.PK}"));

        private static IEnumerable<Link> InvoiceLineTrack(TargetEntities entities) =>
            from order in entities.All(ChinookEntity.Order)
            from line in Elements(order, ItemAttributes.Order.LineItems)
            let trackId = TargetEntities.Long(line, ItemAttributes.LineItem.TrackId)
            where trackId is not null
            select Follow(Key("InvoiceLine", line), "TrackId", trackId, entities.Find(ChinookEntity.Track, trackId), "Track",
                track => TrackCopies(entities, track, line, ItemAttributes.LineItem.TrackName, ItemAttributes.LineItem.AlbumTitle, ItemAttributes.LineItem.ArtistName));

        private static IEnumerable<Link> PlaylistTrackTrack(TargetEntities entities) =>
            from page in entities.All(ChinookEntity.PlaylistPage)
            from entry in Elements(page, ItemAttributes.PlaylistPage.Tracks)
            let trackId = TargetEntities.Long(entry, ItemAttributes.PlaylistTrack.TrackId)
            where trackId is not null
            select Follow(Key("PlaylistTrack", new Dictionary<string, object?> { ["PlaylistId"] = TargetEntities.Value(page, ItemAttributes.PlaylistPage.PlaylistId), ["TrackId"] = trackId }),
                "TrackId", trackId, entities.Find(ChinookEntity.Track, trackId), "Track",
                track => TrackCopies(entities, track, entry, ItemAttributes.PlaylistTrack.Name, ItemAttributes.PlaylistTrack.AlbumTitle, ItemAttributes.PlaylistTrack.ArtistName)
                         ?? Agree((ItemAttributes.PlaylistTrack.Duration, entry, TargetEntities.Value(track, "Milliseconds"), "the track's Milliseconds"),
                             (ItemAttributes.PlaylistTrack.UnitPrice, entry, TargetEntities.Value(track, "UnitPrice"), "the track's UnitPrice")));

        private static IEnumerable<Link> CustomerSupportRep(TargetEntities entities) =>
            from customer in entities.All(ChinookEntity.Customer)
            let repId = TargetEntities.Long(customer, "SupportRepId")
            where repId is not null
            select Follow(Key("Customer", customer.Attributes), "SupportRepId", repId, entities.Find(ChinookEntity.Employee, repId), "Employee",
                rep => Agree((ItemAttributes.Customer.SupportRepName, customer.Attributes, PersonName(rep), "the rep's name"))
                       ?? Listed(entities, rep, ChinookKeys.Customer(TargetEntities.Long(customer, "CustomerId") ?? 0), "the rep's"));

        private static IEnumerable<Link> EmployeeManager(TargetEntities entities) =>
            from employee in entities.All(ChinookEntity.Employee)
            let managerId = TargetEntities.Long(employee, "ReportsTo")
            where managerId is not null
            select Follow(Key("Employee", employee.Attributes), "ReportsTo", managerId, entities.Find(ChinookEntity.Employee, managerId), "Employee",
                manager => Agree((ItemAttributes.Employee.ManagerName, employee.Attributes, PersonName(manager), "the manager's name"))
                           ?? FirstInChain(employee, managerId!.Value)
                           ?? Listed(entities, manager, ChinookKeys.Report(TargetEntities.Long(employee, "EmployeeId") ?? 0), "the manager's"));

        /// <summary>A playlist entry's or invoice line's copies against the track, its album and the album's artist.</summary>
        private static Finding? TrackCopies(TargetEntities entities, ChinookItem track, IReadOnlyDictionary<string, object?> entry,
            string nameAttribute, string albumTitleAttribute, string artistNameAttribute)
        {
            var album = entities.Find(ChinookEntity.Album, TargetEntities.Long(track, "AlbumId"));
            var artist = entities.Find(ChinookEntity.Artist, TargetEntities.Long(album?.Attributes ?? new Dictionary<string, object?>(), "ArtistId"));
            return Agree((nameAttribute, entry, TargetEntities.Value(track, "Name"), "the track's Name"),
                (albumTitleAttribute, entry, TargetEntities.Value(album, "Title"), "the track's album's Title"),
                (artistNameAttribute, entry, TargetEntities.Value(artist, "Name"), "the track's artist's Name"));
        }

        private static Finding? FirstInChain(ChinookItem employee, long managerId) =>
            Elements(employee, ItemAttributes.Employee.ChainOfCommand).FirstOrDefault() is { } first && TargetEntities.Long(first, "EmployeeId") == managerId
                ? null
                : new Finding(Disagreeing, $"{ItemAttributes.Employee.ChainOfCommand} does not start at Employee {managerId}");

        private static Finding? Listed(TargetEntities entities, ChinookItem owner, string sortKey, string whose) =>
            entities.Contains(owner.TableName, owner.PK, sortKey) ? null : new Finding(Unlisted, $"{whose} partition {owner.PK} has no {sortKey} item");

        private static string? PersonName(ChinookItem person) =>
            Items.PersonName.Of(TargetEntities.Value(person, "FirstName") as string, TargetEntities.Value(person, "LastName") as string);

        private static Link Follow(string rowKey, string column, long? id, ChinookItem? referenced, string referencedEntity, Func<ChinookItem, Finding?> problem)
        {
            if (referenced is null)
            {
                return new Link(rowKey, Unresolved, $"{rowKey}: {column} {id} names no {referencedEntity} item in the target");
            }
            return problem(referenced) is { } finding ? new Link(rowKey, finding.Category, $"{rowKey}: {finding.Text}") : new Link(rowKey, null, null);
        }

        /// <summary>The first copy that differs from the value it copies, as a phrase; null when all agree.</summary>
        private static Finding? Agree(params (string Attribute, IReadOnlyDictionary<string, object?> Holder, object? Original, string OriginalName)[] copies)
        {
            foreach (var (attribute, holder, original, originalName) in copies)
            {
                holder.TryGetValue(attribute, out var copy);
                if (!ValueComparison.AreEqual(original, copy))
                {
                    return new Finding(Disagreeing, $"{attribute} is {ValueComparison.Format(copy)}, {originalName} {ValueComparison.Format(original)}");
                }
            }
            return null;
        }

        private static IEnumerable<IReadOnlyDictionary<string, object?>> Elements(ChinookItem item, string listAttribute) =>
            item.Attributes.TryGetValue(listAttribute, out var value) && value is IReadOnlyList<object?> list
                ? list.OfType<IReadOnlyDictionary<string, object?>>()
                : Enumerable.Empty<IReadOnlyDictionary<string, object?>>();

        /// <summary>The primary key, as findings name rows: "TrackId=5", "PlaylistId=1, TrackId=3".</summary>
        private static string Key(string table, IReadOnlyDictionary<string, object?> values) =>
            string.Join(", ", ChinookSchema.Table(table).PrimaryKey.Select(c =>
                $"{c}={(values.TryGetValue(c, out var v) && v is not null ? Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) : "NULL")}"));

        private sealed class Finding
        {
            public Finding(string category, string text)
            {
                Category = category;
                Text = text;
            }

            public string Category { get; }
            public string Text { get; }
        }

        private sealed class Link
        {
            public Link(string rowKey, string? category, string? detail)
            {
                RowKey = rowKey;
                Category = category;
                Detail = detail;
            }

            public string RowKey { get; }

            /// <summary>Null when the reference holds.</summary>
            public string? Category { get; }
            public string? Detail { get; }
        }

        private sealed class Rule
        {
            public Rule(string table, string column, string referenced, string copiesNote, Func<TargetEntities, IEnumerable<Link>> links)
            {
                Table = table;
                Column = column;
                Referenced = referenced;
                CopiesNote = copiesNote;
                Links = links;
            }

            public string Table { get; }
            public string Column { get; }
            public string Referenced { get; }
            public string CopiesNote { get; }
            public Func<TargetEntities, IEnumerable<Link>> Links { get; }
        }
    }
}
