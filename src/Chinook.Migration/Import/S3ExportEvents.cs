using Chinook.Migration.Transform;

namespace Chinook.Migration.Import
{
    /// <summary>What an export to S3 reports while it runs, in order, for the cmdlet to show.</summary>
    public abstract record S3ExportEvent;

    /// <summary>How far the source has been read (and so the export: objects follow the reading).</summary>
    public sealed record S3ExportReading(ConversionProgress Conversion, long BytesUploaded) : S3ExportEvent;

    /// <summary>An object is complete in S3, or was found complete there by -Resume.</summary>
    public sealed record S3ObjectWritten(string TableName, string Address, ManifestObject Object, bool Resumed) : S3ExportEvent;

    /// <summary>A source row that converted with a warning, or could not be converted.</summary>
    public sealed record S3ExportProblemFound(ConversionProblem Problem) : S3ExportEvent;
}
