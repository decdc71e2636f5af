namespace Chinook.Migration.Target
{
    /// <summary>
    /// The tag New-ChinookDynamoTable writes on every table it creates. Remove-ChinookDynamoTable deletes only
    /// tables that carry it (unless forced), so a table of the same name made by someone else survives a rollback.
    /// </summary>
    public static class ManagedTag
    {
        public const string Key = "chinook-migration:managed";
        public const string Value = "true";
    }
}
