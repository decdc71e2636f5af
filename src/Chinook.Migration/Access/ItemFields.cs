using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Chinook.Migration.Items;
using Chinook.Migration.Source;

namespace Chinook.Migration.Access
{
    /// <summary>
    /// Typed reads of an item's attributes (or of a map inside one) for the access-pattern results. An attribute
    /// that is absent reads as null, as the migration leaves nulls out; a required one that is absent is an error
    /// naming the item, because then the table does not hold what the migration writes.
    /// </summary>
    internal sealed class ItemFields
    {
        private readonly IReadOnlyDictionary<string, object?> values;
        private readonly string where;

        public ItemFields(ChinookItem item) : this(item.Attributes, item.ToString())
        {
        }

        private ItemFields(IReadOnlyDictionary<string, object?> values, string where)
        {
            this.values = values;
            this.where = where;
        }

        public string? Text(string name) => values.TryGetValue(name, out var value) ? value as string : null;

        public long? Integer(string name) => values.TryGetValue(name, out var value) ? value switch
        {
            long number => number,
            decimal number when number == decimal.Truncate(number) && number >= long.MinValue && number <= long.MaxValue => (long)number,
            _ => (long?)null,
        } : null;

        public long RequiredInteger(string name) =>
            Integer(name) ?? throw new InvalidDataException($"Item {where} has no whole number {name}; it is not an item the migration writes.");

        /// <summary>Money with two decimal places, as the source's NUMERIC(10,2): DynamoDB gives back 2 for 2.00.</summary>
        public decimal? Money(string name) => values.TryGetValue(name, out var value) ? value switch
        {
            long number => SourceValues.Money(number),
            decimal number => SourceValues.Money(number),
            _ => (decimal?)null,
        } : null;

        /// <summary>A UTC time from the ISO-8601 text the migration writes.</summary>
        public DateTime? Time(string name) => Text(name) is string text && SourceValues.TryParseDateTime(text, out var utc) ? utc : (DateTime?)null;

        /// <summary>The maps of a list attribute (order lines, playlist tracks, managers); empty when there is none.</summary>
        public IReadOnlyList<ItemFields> Maps(string name) =>
            values.TryGetValue(name, out var value) && value is IReadOnlyList<object?> list
                ? list.OfType<IReadOnlyDictionary<string, object?>>().Select((map, i) => new ItemFields(map, $"{where} {name}[{i}]")).ToList()
                : (IReadOnlyList<ItemFields>)Array.Empty<ItemFields>();
    }
}
