using System;
using System.Management.Automation;
using Chinook.Migration.Import;

namespace Chinook.PowerShell.Commands.Shared
{
    /// <summary>-BucketName and -KeyPrefix, as Export-ChinookToS3 writes and Import-ChinookFromS3 reads them: checked before any request.</summary>
    internal static class S3LocationParameters
    {
        public static void Validate(PSCmdlet cmdlet, string bucketName, string keyPrefix)
        {
            try
            {
                new S3ExportOptions { BucketName = bucketName, KeyPrefix = keyPrefix }.Validate();
            }
            catch (ArgumentException ex)
            {
                cmdlet.ThrowTerminatingError(ErrorRecords.InvalidS3Location(ex, keyPrefix));
            }
        }
    }
}
