@{
    RootModule           = 'ChinookMigration.psm1'
    ModuleVersion        = '0.1.0'
    CompatiblePSEditions = @('Core')
    GUID                 = '5f0c7c1e-2a53-4c1e-9f0a-6c2b8f1d7a41'
    Author               = 'ChinookMigration contributors'
    CompanyName          = 'ChinookMigration'
    Copyright            = '(c) ChinookMigration contributors. Licensed under the MIT licence.'
    Description          = 'Moves the Chinook SQLite database into Amazon DynamoDB, proves that nothing was lost, and lets an admin see and steer every stage from the shell.'
    # Tested on PowerShell 7.6.9; the isolated dependency load context needs PowerShell 7.
    PowerShellVersion    = '7.4'
    FormatsToProcess     = @(
        'Formats/Source.Format.ps1xml'
        'Formats/Items.Format.ps1xml'
        'Formats/Target.Format.ps1xml'
        'Formats/Writing.Format.ps1xml'
        'Formats/Access.Format.ps1xml'
        'Formats/Validation.Format.ps1xml'
        'Formats/Readback.Format.ps1xml'
        'Formats/Sync.Format.ps1xml'
        'Formats/Import.Format.ps1xml'
    )
    CmdletsToExport      = @(
        'Get-ChinookSourceStats'
        'ConvertTo-ChinookItem'
        'Export-ChinookToDynamo'
        'Export-ChinookToSqlite'
        'Sync-ChinookToDynamo'
        'Export-ChinookToS3'
        'Import-ChinookFromS3'
        'Get-ChinookTableDefinition'
        'New-ChinookDynamoTable'
        'Get-ChinookDynamoTable'
        'Remove-ChinookDynamoTable'
        'Get-ChinookArtistCatalog'
        'Find-ChinookTrack'
        'Get-ChinookCustomerOrder'
        'Get-ChinookPlaylist'
        'Get-ChinookEmployee'
        'Test-ChinookMigration'
    )
    FunctionsToExport    = @()
    VariablesToExport    = @()
    AliasesToExport      = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('DynamoDB', 'SQLite', 'Migration', 'Chinook', 'AWS', 'ETL')
            LicenseUri   = 'https://example.invalid/ChinookMigration/LICENSE'
            ProjectUri   = 'https://example.invalid/ChinookMigration'
            TestedOn     = @('PowerShell 7.6.9 on Linux x64')
        }
    }
}
