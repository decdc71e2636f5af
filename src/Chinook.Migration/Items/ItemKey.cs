namespace Chinook.Migration.Items
{
    /// <summary>Where an item lives: its table (prefix included) and its primary key (PK and SK, as ChinookKeys builds them).</summary>
    public readonly record struct ItemKey(string TableName, string PartitionKey, string SortKey)
    {
        public static ItemKey Of(ChinookItem item) => new ItemKey(item.TableName, item.PK, item.SK);

        public override string ToString() => $"{TableName} PK={PartitionKey} SK={SortKey}";
    }
}
