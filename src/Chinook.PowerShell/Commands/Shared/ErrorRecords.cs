using System;
using System.Collections.Generic;
using System.Management.Automation;
using Chinook.Migration.Readback;
using Chinook.Migration.Import;
using Chinook.Migration.Source;
using Chinook.Migration.Transform;
using Chinook.Migration.Target;
using Chinook.Migration.Target.Writing;

namespace Chinook.PowerShell.Commands.Shared
{
    /// <summary>Every error record the module writes, with a stable id, a category and advice, in one place.</summary>
    internal static class ErrorRecords
    {
        public static ErrorRecord SourceNotFound(string path) => Create(
            new SourceDatabaseException(path, SourceProblem.NotFound, $"Cannot find a source database at '{path}'."),
            "SourceNotFound", ErrorCategory.ObjectNotFound, path,
            "Check the path; relative paths are resolved against the current PowerShell location.");

        public static ErrorRecord SourceIsFolder(string path) => Create(
            new ArgumentException($"'{path}' is a folder; a source database is a SQLite file, such as ./Chinook_Sqlite.sqlite."),
            "SourceIsFolder", ErrorCategory.InvalidArgument, path,
            "Give the path of the database file itself, or a wildcard that matches files (./data/*.sqlite).");

        public static ErrorRecord SourceNotFileSystem(string path, string provider) => Create(
            new ArgumentException($"'{path}' is on the {provider} provider; a source database must be a file."),
            "SourceNotFileSystem", ErrorCategory.InvalidArgument, path,
            "Give the path of a SQLite file on the file system.");

        public static ErrorRecord FromSource(SourceDatabaseException ex)
        {
            var (id, category, action) = ex.Problem switch
            {
                SourceProblem.NotFound => ("SourceNotFound", ErrorCategory.ObjectNotFound, "Check the path of the source database."),
                SourceProblem.Empty => ("SourceEmpty", ErrorCategory.InvalidData, "The file is empty: point at a copy of the Chinook database."),
                SourceProblem.NotSqlite => ("SourceNotSqlite", ErrorCategory.InvalidData, "The file is not SQLite or is damaged: point at an intact Chinook database."),
                SourceProblem.MissingTables => ("SourceMissingTables", ErrorCategory.InvalidData, "The database lacks Chinook tables: check that it is a Chinook database."),
                SourceProblem.MissingColumns => ("SourceMissingColumns", ErrorCategory.InvalidData, "The database lacks Chinook columns: restore the Chinook schema."),
                SourceProblem.Locked => ("SourceLocked", ErrorCategory.ResourceBusy, "Another process is writing to the database: wait for it to finish and retry."),
                SourceProblem.InvalidValue => ("SourceInvalidValue", ErrorCategory.InvalidData, "Correct the named row in the source, or leave it out and migrate the rest."),
                _ => ("SourceUnreadable", ErrorCategory.ReadError, "The file cannot be read as SQLite: check that it is intact and readable."),
            };
            return Create(ex, id, category, ex.Path, action);
        }

        public static ErrorRecord InvalidConversionOptions(ArgumentException ex, string? tablePrefix) => Create(
            ex, "InvalidConversionOptions", ErrorCategory.InvalidArgument, tablePrefix,
            "Give a table prefix of letters, digits, '_', '-' and '.' that keeps table names within 255 characters.");

        /// <summary>A source row the conversion could not carry into any item; the other items still flow.</summary>
        public static ErrorRecord FromConversionProblem(ConversionProblem problem, string path)
        {
            var (id, action) = problem.Kind switch
            {
                ConversionProblemKind.InvalidValue => ("InvalidSourceValue",
                    "Correct the named column of the named row in the source (or a copy of it), then convert again; the other rows are converted."),
                ConversionProblemKind.RowTooLarge => ("SourceRowTooLarge",
                    "Shorten the row's text columns in the source: DynamoDB items are limited to 400 KB."),
                ConversionProblemKind.OrphanRow => ("OrphanSourceRow",
                    "Restore the row it belongs to, or delete the orphan from the source."),
                _ => ("ConversionProblem", "See the message for the row concerned."),
            };
            return Create(new System.IO.InvalidDataException($"{System.IO.Path.GetFileName(path)}: {problem.Message}"),
                id, ErrorCategory.InvalidData, problem, action);
        }

        /// <summary>The error id names the setting: InvalidEndpointUrl, InvalidRegion, InvalidSecretKey, ... The target is the setting's name, never its value.</summary>
        public static ErrorRecord InvalidSetting(DynamoSettingException ex) => Create(
            ex, "Invalid" + ex.Setting, ErrorCategory.InvalidArgument, ex.Setting,
            ex.Setting switch
            {
                nameof(DynamoConnectionSettings.EndpointUrl) => "Give the endpoint as an absolute URL, for example -EndpointUrl http://127.0.0.1:8000.",
                nameof(DynamoConnectionSettings.Region) => "Give an AWS region name such as us-east-1 or eu-west-1.",
                nameof(DynamoConnectionSettings.ProfileLocation) => "Give the path of an AWS shared credentials file.",
                _ => "Give -AccessKey with -SecretKey (and -SessionToken for temporary credentials), or -ProfileName, or neither to use the default credential chain.",
            });

        public static ErrorRecord InvalidTablePrefix(ArgumentException ex, string? prefix) => Create(
            ex, "InvalidTablePrefix", ErrorCategory.InvalidArgument, prefix,
            "Use only letters, digits, '_', '-' and '.' in the prefix, for example -TablePrefix dev-.");

        public static ErrorRecord InvalidTableName(ArgumentException ex, string name) => Create(
            ex, "InvalidTableName", ErrorCategory.InvalidArgument, name,
            "Name one of MusicCatalog, CustomerOrders, Playlists and EmployeeManagement, alone or with its prefix (dev-MusicCatalog).");

        public static ErrorRecord CapacityWithoutProvisioned() => Create(
            new ArgumentException("-ReadCapacityUnits and -WriteCapacityUnits apply to provisioned billing only, not to -BillingMode PayPerRequest."),
            "CapacityWithoutProvisioned", ErrorCategory.InvalidArgument, null,
            "Leave out the capacity units for on-demand billing, or use -BillingMode Provisioned.");

        public static ErrorRecord FromSetup(DynamoSetupException ex)
        {
            var (id, category, action) = ex.Problem switch
            {
                DynamoSetupProblem.ProfileNotFound => ("ProfileNotFound", ErrorCategory.ObjectNotFound, "Check -ProfileName and -ProfileLocation; `aws configure list-profiles` lists the profiles."),
                DynamoSetupProblem.ProfileWithoutCredentials => ("ProfileWithoutCredentials", ErrorCategory.InvalidData, "Give the profile an access key and secret key, or use another profile."),
                DynamoSetupProblem.NoCredentials => ("NoCredentials", ErrorCategory.AuthenticationError, "Give -AccessKey and -SecretKey or -ProfileName, or configure the default credential chain."),
                DynamoSetupProblem.SsoLoginNeeded => ("SsoLoginNeeded", ErrorCategory.AuthenticationError, "Sign in again with `aws sso login --profile NAME`, then run the command again."),
                DynamoSetupProblem.RoleDenied => ("AssumeRoleDenied", ErrorCategory.PermissionDenied, "Check the named role's trust policy, its external_id, and the source identity's sts:AssumeRole permission."),
                DynamoSetupProblem.MfaCodeUnavailable => ("MfaCodeUnavailable", ErrorCategory.AuthenticationError, "Run interactively to enter the MFA code, or use a profile without mfa_serial for unattended runs."),
                DynamoSetupProblem.CredentialsFailed => ("CredentialsFailed", ErrorCategory.AuthenticationError, "See the message for the credential source that failed; -Debug shows which one was used."),
                DynamoSetupProblem.Unreachable => ("DynamoUnreachable", ErrorCategory.ConnectionError,
                    "Check -EndpointUrl (scheme http or https, host, port) or -Region, that the host name resolves and something listens there, and any proxy or firewall between."),
                DynamoSetupProblem.CredentialsRejected => ("CredentialsRejected", ErrorCategory.AuthenticationError,
                    "Check the access key and secret key (or the profile's), that the key is active in IAM, that a session token has not expired, and that the keys belong to this endpoint's account."),
                _ => ("NoRegion", ErrorCategory.InvalidArgument, "Give -Region, set AWS_REGION, or set a region in the profile."),
            };
            return Create(ex, id, category, null, action);
        }

        /// <summary>A failed table operation: DynamoDB's own problems by kind, anything else as TableOperationFailed.</summary>
        public static ErrorRecord FromTableOperation(Exception exception, string tableName)
        {
            if (exception is not DynamoOperationException ex)
            {
                return Create(exception, "TableOperationFailed", ErrorCategory.NotSpecified, tableName, "See the exception for details.");
            }
            var (category, action) = ex.Problem switch
            {
                DynamoProblem.NotFound => (ErrorCategory.ObjectNotFound, "Check the table name, the prefix, the region and the endpoint."),
                DynamoProblem.InUse => (ErrorCategory.ResourceBusy, "Another operation is changing the table: wait for it to finish and run the command again."),
                DynamoProblem.AccessDenied => (ErrorCategory.PermissionDenied, "Check the credentials (-Debug shows where they came from) and that their policy allows the DynamoDB actions listed in the README."),
                DynamoProblem.Throttled => (ErrorCategory.LimitsExceeded, "DynamoDB is limiting requests or table operations: wait a moment and run the command again."),
                DynamoProblem.Unreachable => (ErrorCategory.ConnectionError, "Check -EndpointUrl or -Region, and that the endpoint is reachable from this machine."),
                DynamoProblem.Timeout => (ErrorCategory.OperationTimeout, "The table may still finish: check it with Get-ChinookDynamoTable, or give a longer -TimeoutSeconds."),
                DynamoProblem.InvalidRequest => (ErrorCategory.InvalidArgument, "DynamoDB refused the request: see the message for why."),
                _ => (ErrorCategory.NotSpecified, "DynamoDB failed to answer: run the command again, and check the AWS Health Dashboard if it persists."),
            };
            return Create(ex, "Dynamo" + ex.Problem, category, tableName, action);
        }

        public static ErrorRecord TableDefinitionMismatch(string tableName, IReadOnlyList<string> differences) => Create(
            new InvalidOperationException($"Table '{tableName}' exists with another definition: {string.Join("; ", differences)}."),
            "TableDefinitionMismatch", ErrorCategory.ResourceExists, tableName,
            "Compare it with Get-ChinookTableDefinition; use another -TablePrefix, or -Force to delete and recreate it (its items are lost).");

        public static ErrorRecord TableNotManaged(string tableName) => Create(
            new InvalidOperationException(
                $"Table '{tableName}' was not created by ChinookMigration (it lacks the tag {ManagedTag.Key}={ManagedTag.Value}) and is left in place."),
            "TableNotManaged", ErrorCategory.InvalidOperation, tableName,
            "Check that it is the table you mean; add -Force to delete it anyway.");

        public static ErrorRecord TableNotFound(string tableName) => Create(
            new ItemNotFoundException($"Table '{tableName}' does not exist."),
            "TableNotFound", ErrorCategory.ObjectNotFound, tableName,
            "Create it with New-ChinookDynamoTable, or check the prefix, the region and the endpoint.");

        /// <summary>
        /// One item the loader did not write; the target object is its key (TableName, PartitionKey, SortKey).
        /// Items cut short by a stop get none: Ctrl+C and an aborted run each say so once, for all of them.
        /// </summary>
        public static ErrorRecord ItemNotWritten(ItemNotWritten failure)
        {
            var (id, category, action) = failure.Reason switch
            {
                WriteFailureReason.TooLarge => ("ItemTooLarge", ErrorCategory.LimitsExceeded,
                    "Shorten the item's text (DynamoDB items are limited to 400 KB), or leave the item out."),
                WriteFailureReason.RetriesExhausted => ("ItemWriteRetriesExhausted", ErrorCategory.LimitsExceeded,
                    "DynamoDB kept throttling or failing: run the same command again (with -Resume after -Path) or lower -MaxWriteUnitsPerSecond."),
                _ => ("ItemWriteRejected", ErrorCategory.InvalidOperation,
                    "Check that the tables exist (New-ChinookDynamoTable) and that the credentials may call dynamodb:BatchWriteItem."),
            };
            var exception = new InvalidOperationException($"{failure.Item.Key} was not {(failure.Item.IsDelete ? "deleted" : "written")}: {failure.Message}", failure.Exception);
            return Create(exception, id, category, failure.Item.Key, action);
        }

        /// <summary>The one error for a run the writer gave up on; the items not written are in the results' FailedKeys.</summary>
        public static ErrorRecord WriterAborted(string reason, IReadOnlyList<TableWriteResult> results)
        {
            long written = 0, failed = 0;
            foreach (var table in results)
            {
                written += table.ItemsWritten;
                failed += table.Failed;
            }
            return Create(new InvalidOperationException(
                    $"{reason}. Stopped after writing {written:N0} items; {failed:N0} items in flight were not written (see FailedKeys in the results)."),
                "DynamoUnreachable", ErrorCategory.ConnectionError, null,
                "Check that the endpoint or region is reachable, then run the same command again (with -Resume after -Path): writing an item twice is harmless.");
        }

        public static ErrorRecord ItemTableMismatch(ArgumentException ex, string tableName) => Create(
            ex, "ItemTableMismatch", ErrorCategory.InvalidArgument, tableName,
            "Convert with the same -TablePrefix you export with, or leave -TablePrefix off Export-ChinookToDynamo.");

        public static ErrorRecord CheckpointUnusable(Exception ex, string path) => Create(
            ex, "CheckpointUnusable", ErrorCategory.InvalidData, path,
            "Resume with the source the checkpoint was written for, give another -CheckpointPath, or run without -Resume to start over (writing items again is harmless).");
        public static ErrorRecord CheckpointPathAndFolder() => Create(
            new ArgumentException("-CheckpointPath names the checkpoint file and -CheckpointFolder the folder for one: give one of them, not both."),
            "CheckpointPathAndFolder", ErrorCategory.InvalidArgument, null,
            "Give -CheckpointPath for a file of your choosing, or -CheckpointFolder to keep the default file name in another folder.");

        public static ErrorRecord CheckpointPathIsFolder(string path) => Create(
            new ArgumentException($"-CheckpointPath '{path}' is a folder; it takes the path of a checkpoint file (which need not exist yet), such as ./chinook.checkpoint.json."),
            "CheckpointPathIsFolder", ErrorCategory.InvalidArgument, path,
            "Give a file path to -CheckpointPath, or give the folder to -CheckpointFolder.");

        public static ErrorRecord CheckpointFolderIsFile(string path) => Create(
            new ArgumentException($"-CheckpointFolder '{path}' is a file; it takes a folder (created when missing)."),
            "CheckpointFolderIsFile", ErrorCategory.InvalidArgument, path,
            "Give a folder to -CheckpointFolder, or give the file to -CheckpointPath.");

        /// <summary>An access-pattern lookup that found nothing: ArtistNotFound, TrackNotFound, CustomerNotFound, PlaylistNotFound, EmployeeNotFound.</summary>
        public static ErrorRecord AccessNotFound(string what, string lookup, object target, string tableName) => Create(
            new ItemNotFoundException($"No {what.ToLowerInvariant()} with {lookup} in table '{tableName}'."),
            what + "NotFound", ErrorCategory.ObjectNotFound, target,
            "Check the value (names are exact and case-sensitive), -TablePrefix, -Region and -EndpointUrl, and that the table has been loaded.");

        /// <summary>An item that lacks what the migration writes into it, so the answer cannot be given.</summary>
        public static ErrorRecord UnexpectedItem(System.IO.InvalidDataException ex, object target) => Create(
            ex, "UnexpectedItem", ErrorCategory.InvalidData, target,
            "The table holds an item the migration did not write: check it with Test-ChinookMigration, or load the table again.");

        public static ErrorRecord SqliteDestinationExists(string path) => Create(
            new System.IO.IOException($"'{path}' exists already; Export-ChinookToSqlite replaces a file only with -Force."),
            "SqliteDestinationExists", ErrorCategory.ResourceExists, path,
            "Give another -Path, or add -Force to replace the file (it is replaced only once the new one is complete).");

        public static ErrorRecord SqliteDestinationUnwritable(Exception ex, string path) => Create(
            ex, "SqliteDestinationUnwritable", ErrorCategory.WriteError, path,
            "Check that the folder exists, that you may write to it, and that the disk has room for a file the size of the source.");

        /// <summary>An item of the target whose rows do not come back: ItemNotReadBack, with the key as the target object.</summary>
        public static ErrorRecord ItemNotReadBack(ReadbackProblem problem) => Create(
            new System.IO.InvalidDataException(problem.ToString()), "ItemNotReadBack" + problem.Kind, ErrorCategory.InvalidData, problem,
            problem.Kind switch
            {
                ReadbackProblemKind.Conflict => "Two items give the same row: keep the one that is right (Get-ChinookCustomerOrder and the like show both), delete the other, and export again.",
                ReadbackProblemKind.KeyContradiction => "The item's key and attributes disagree: rewrite it as the layout makes it (see the README's key table), or delete it.",
                ReadbackProblemKind.WrongTable => "Move the item to the table its EntityType belongs in, or delete it.",
                _ => "Correct the item in the table (see the README's layout), or delete it if no application wrote it; the other rows came back.",
            });
        public static ErrorRecord InvalidS3Location(ArgumentException ex, string? keyPrefix) => Create(
            ex, "InvalidS3Location", ErrorCategory.InvalidArgument, keyPrefix,
            "Give the bucket's name and a key prefix that ends with '/' and has no leading '/', such as exports/2026-12-03/.");

        public static ErrorRecord FromS3Export(S3ExportException ex)
        {
            var (id, category, action) = ex.Problem switch
            {
                S3ExportProblem.BucketNotFound => ("S3BucketNotFound", ErrorCategory.ObjectNotFound,
                    "Create the bucket first (aws s3 mb s3://NAME, in the region of the tables), or check -BucketName, -Region and -EndpointUrl."),
                S3ExportProblem.AccessDenied => ("S3AccessDenied", ErrorCategory.PermissionDenied,
                    "Grant s3:ListBucket on the bucket and s3:GetObject, s3:PutObject and s3:AbortMultipartUpload on the key prefix (see the README, Import or Export)."),
                S3ExportProblem.PrefixNotEmpty => ("S3PrefixNotEmpty", ErrorCategory.ResourceExists,
                    "Give another -KeyPrefix, remove the earlier objects, or add -Resume to finish a stopped export."),
                S3ExportProblem.ResumeMismatch => ("S3ResumeMismatch", ErrorCategory.InvalidData,
                    "Export again without -Resume to an empty -KeyPrefix."),
                _ => ("S3RequestFailed", ErrorCategory.ConnectionError,
                    "Run the same command again with -Resume: complete objects are checked, not sent again."),
            };
            return Create(ex, id, category, ex.Target, action);
        }

        public static ErrorRecord ImportTableExists(ImportTableExistsException ex) => Create(
            ex, "ImportTableExists", ErrorCategory.ResourceExists, ex.TableName,
            "Remove the table first (Remove-ChinookDynamoTable), give another -TablePrefix, or load the existing table with Export-ChinookToDynamo.");

        /// <summary>An import that ended without every line in the table: failed, cancelled, or with lines it refused.</summary>
        public static ErrorRecord ImportIncomplete(TableImportResult result) => Create(
            new InvalidOperationException(result.ImportStatus == TableImportResult.Completed
                ? $"The import of '{result.TableName}' refused {result.ErrorCount:N0} of {result.ProcessedItemCount:N0} items."
                : $"The import of '{result.TableName}' ended {result.ImportStatus}: {result.FailureCode} {result.FailureMessage}".TrimEnd()),
            "ImportIncomplete", ErrorCategory.InvalidData, result.TableName,
            result.CloudWatchLogGroupArn is { } logs
                ? $"The CloudWatch log group {logs} names each refused line and why. Fix the cause, remove the table, and import again."
                : "See the failure code and message; fix the cause (the S3 objects, the bucket policy), remove the table if there is one, and import again.");

        public static ErrorRecord Create(Exception exception, string errorId, ErrorCategory category, object? target, string recommendedAction)
        {
            var record = new ErrorRecord(exception, errorId, category, target);
            record.ErrorDetails = new ErrorDetails(exception.Message) { RecommendedAction = recommendedAction };
            return record;
        }
    }
}
