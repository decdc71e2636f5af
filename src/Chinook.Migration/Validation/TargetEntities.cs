using System;
using System.Collections.Generic;
using System.Linq;
using Chinook.Migration.Items;
using Chinook.Migration.Target.Writing;

namespace Chinook.Migration.Validation
{
    /// <summary>The items of a snapshot by entity type and source id, so that references can be followed in the target.</summary>
    internal sealed class TargetEntities
    {
        private static readonly Dictionary<ChinookEntity, string> IdAttributes = new Dictionary<ChinookEntity, string>
        {
            [ChinookEntity.Artist] = "ArtistId",
            [ChinookEntity.Album] = "AlbumId",
            [ChinookEntity.Track] = "TrackId",
            [ChinookEntity.Genre] = "GenreId",
            [ChinookEntity.MediaType] = "MediaTypeId",
            [ChinookEntity.Customer] = "CustomerId",
            [ChinookEntity.Employee] = "EmployeeId",
        };

        private readonly Dictionary<ChinookEntity, Dictionary<long, ChinookItem>> byId = new Dictionary<ChinookEntity, Dictionary<long, ChinookItem>>();
        private readonly Dictionary<ChinookEntity, List<ChinookItem>> all = new Dictionary<ChinookEntity, List<ChinookItem>>();
        private readonly TargetSnapshot snapshot;

        public TargetEntities(TargetSnapshot snapshot)
        {
            this.snapshot = snapshot;
            foreach (var item in snapshot.Items.Values.OrderBy(i => i.TableName, StringComparer.Ordinal).ThenBy(i => i.PK, StringComparer.Ordinal).ThenBy(i => i.SK, StringComparer.Ordinal))
            {
                if (!Enum.TryParse<ChinookEntity>(item.EntityType, out var entity))
                {
                    continue;
                }
                if (!all.TryGetValue(entity, out var items))
                {
                    items = new List<ChinookItem>();
                    all.Add(entity, items);
                }
                items.Add(item);
                if (IdAttributes.TryGetValue(entity, out var idAttribute) && Long(item, idAttribute) is long id)
                {
                    if (!byId.TryGetValue(entity, out var ids))
                    {
                        ids = new Dictionary<long, ChinookItem>();
                        byId.Add(entity, ids);
                    }
                    // A second item with the same id is the integrity checks' finding; references follow the first.
                    if (!ids.ContainsKey(id))
                    {
                        ids.Add(id, item);
                    }
                }
            }
        }

        /// <summary>The items of an entity type in table and key order.</summary>
        public IReadOnlyList<ChinookItem> All(ChinookEntity entity) => all.TryGetValue(entity, out var items) ? items : new List<ChinookItem>();

        public ChinookItem? Find(ChinookEntity entity, long? id) =>
            id is long value && byId.TryGetValue(entity, out var ids) && ids.TryGetValue(value, out var item) ? item : null;

        public bool Contains(string table, string pk, string sk) => snapshot.Items.ContainsKey(new ItemKey(table, pk, sk));

        public static long? Long(IReadOnlyDictionary<string, object?> values, string name) =>
            values.TryGetValue(name, out var value) && value is long number ? number : (long?)null;

        public static long? Long(ChinookItem item, string name) => Long(item.Attributes, name);

        public static object? Value(ChinookItem? item, string name) =>
            item is not null && item.Attributes.TryGetValue(name, out var value) ? value : null;
    }
}
