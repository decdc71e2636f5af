using System;
using System.Collections.Generic;
using System.Linq;
using Chinook.Migration.Items;
using Chinook.Migration.Source;

namespace Chinook.Migration.Transform
{
    /// <summary>What to convert and for which environment. Nothing set means every entity of every table, no prefix.</summary>
    public sealed class ConversionOptions
    {
        /// <summary>Prepended to the four table names (for example "dev-"); checked by <see cref="TableNames.ValidatePrefix"/>.</summary>
        public string? TablePrefix { get; set; }

        /// <summary>The entity types to emit; null or empty means all.</summary>
        public IReadOnlyCollection<ChinookEntity>? Entities { get; set; }

        /// <summary>The target tables (base names: MusicCatalog, CustomerOrders, Playlists, EmployeeManagement) to emit; null or empty means all.</summary>
        public IReadOnlyCollection<string>? Tables { get; set; }

        /// <summary>Whether items of this entity are emitted: it must pass both the entity and the table selection.</summary>
        public bool Selects(ChinookEntity entity) =>
            (Entities is null || Entities.Count == 0 || Entities.Contains(entity)) &&
            (Tables is null || Tables.Count == 0 || Tables.Contains(ChinookEntities.TableOf(entity), StringComparer.Ordinal));

        /// <summary>Throws ArgumentException for a prefix DynamoDB would refuse or a table that is not one of the four.</summary>
        public void Validate()
        {
            TableNames.ValidatePrefix(TablePrefix);
            var unknown = (Tables ?? Array.Empty<string>()).Where(t => !TableNames.BaseNames.Contains(t, StringComparer.Ordinal)).ToList();
            if (unknown.Count > 0)
            {
                throw new ArgumentException(
                    $"Unknown target table(s) {string.Join(", ", unknown)}: use {string.Join(", ", TableNames.BaseNames)} (without the prefix).", nameof(Tables));
            }
        }
    }
}
