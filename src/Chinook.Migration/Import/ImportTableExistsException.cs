using System;

namespace Chinook.Migration.Import
{
    /// <summary>The table of an import exists already, and ImportTable only creates tables.</summary>
    public sealed class ImportTableExistsException : Exception
    {
        public ImportTableExistsException(string tableName, string message, Exception? innerException = null)
            : base(message, innerException)
        {
            TableName = tableName;
        }

        public string TableName { get; }
    }
}
