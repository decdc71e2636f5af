namespace Chinook.Migration.Items
{
    /// <summary>How a person's name reads wherever it is shown or copied onto other items (SupportRepName, ManagerName): "First Last".</summary>
    internal static class PersonName
    {
        public static string? Of(string? firstName, string? lastName) =>
            firstName is null && lastName is null ? null : $"{firstName} {lastName}".Trim();
    }
}
