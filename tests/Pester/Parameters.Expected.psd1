# The parameters of every exported cmdlet, pinned for tests/Pester/Parameters.Tests.ps1. Scripts bind to these:
# change a line here only on purpose, together with the cmdlet and its help.
# One line per parameter and parameter set: name, set ('*' for all sets), type, then what binds it:
# Mandatory, Position=N, Pipeline (by value), ByPropertyName, Aliases=a,b. The common parameters are left out.
@{
    'ConvertTo-ChinookItem' = @{
        DefaultParameterSet = 'Path'
        Parameters          = @(
            'Entity      *           Chinook.Migration.Items.ChinookEntity[]'
            'LiteralPath LiteralPath System.String[]                         Mandatory ByPropertyName Aliases=PSPath,LP'
            'Path        Path        System.String[]                         Position=0 Pipeline ByPropertyName'
            'TableName   *           System.String[]'
            'TablePrefix *           System.String'
        )
    }
    'Export-ChinookToDynamo' = @{
        DefaultParameterSet = 'Path'
        Parameters          = @(
            'AccessKey              *           System.String                                Aliases=AK'
            'CheckpointFolder       LiteralPath System.String'
            'CheckpointFolder       Path        System.String'
            'CheckpointPath         LiteralPath System.String'
            'CheckpointPath         Path        System.String'
            'EndpointUrl            *           System.String'
            'InputObject            Item        Chinook.Migration.Items.ChinookItem[]        Mandatory Pipeline'
            'LiteralPath            LiteralPath System.String[]                              Mandatory Aliases=PSPath,LP'
            'MaxAttempts            *           System.Int32'
            'MaxConcurrency         *           System.Int32'
            'MaxWriteUnitsPerSecond *           System.Int32'
            'MinConcurrency         *           System.Int32'
            'Path                   Path        System.String[]                              Position=0'
            'ProfileLocation        *           System.String                                Aliases=AWSProfilesLocation,ProfilesLocation'
            'ProfileName            *           System.String                                Aliases=StoredCredentials,AWSProfileName'
            'Region                 *           System.String'
            'RequestTimeoutSeconds  *           System.Int32'
            'Resume                 LiteralPath System.Management.Automation.SwitchParameter'
            'Resume                 Path        System.Management.Automation.SwitchParameter'
            'SecretKey              *           System.String                                Aliases=SK,SecretAccessKey'
            'SessionToken           *           System.String                                Aliases=ST'
            'TablePrefix            *           System.String'
        )
    }
    'Export-ChinookToS3' = @{
        DefaultParameterSet = 'Path'
        Parameters          = @(
            'AccessKey       *           System.String                                Aliases=AK'
            'BucketName      *           System.String                                Mandatory'
            'EndpointUrl     *           System.String'
            'KeyPrefix       *           System.String'
            'LiteralPath     LiteralPath System.String[]                              Mandatory Aliases=PSPath,LP'
            'Path            Path        System.String[]                              Position=0'
            'ProfileLocation *           System.String                                Aliases=AWSProfilesLocation,ProfilesLocation'
            'ProfileName     *           System.String                                Aliases=StoredCredentials,AWSProfileName'
            'Region          *           System.String'
            'Resume          *           System.Management.Automation.SwitchParameter'
            'SecretKey       *           System.String                                Aliases=SK,SecretAccessKey'
            'SessionToken    *           System.String                                Aliases=ST'
            'TablePrefix     *           System.String'
        )
    }
    'Export-ChinookToSqlite' = @{
        DefaultParameterSet = ''
        Parameters          = @(
            'AccessKey       * System.String                                Aliases=AK'
            'EndpointUrl     * System.String'
            'Force           * System.Management.Automation.SwitchParameter'
            'Path            * System.String                                Mandatory Position=0'
            'ProfileLocation * System.String                                Aliases=AWSProfilesLocation,ProfilesLocation'
            'ProfileName     * System.String                                Aliases=StoredCredentials,AWSProfileName'
            'Region          * System.String'
            'SecretKey       * System.String                                Aliases=SK,SecretAccessKey'
            'SessionToken    * System.String                                Aliases=ST'
            'TablePrefix     * System.String'
        )
    }
    'Find-ChinookTrack' = @{
        DefaultParameterSet = 'ByName'
        Parameters          = @(
            'AccessKey       *       System.String   Aliases=AK'
            'EndpointUrl     *       System.String'
            'Genre           ByGenre System.String[] Mandatory ByPropertyName Aliases=GenreName'
            'MediaType       *       System.String[]'
            'Name            ByName  System.String[] Mandatory Position=0 Pipeline ByPropertyName'
            'ProfileLocation *       System.String   Aliases=AWSProfilesLocation,ProfilesLocation'
            'ProfileName     *       System.String   Aliases=StoredCredentials,AWSProfileName'
            'Region          *       System.String'
            'SecretKey       *       System.String   Aliases=SK,SecretAccessKey'
            'SessionToken    *       System.String   Aliases=ST'
            'TablePrefix     *       System.String'
        )
    }
    'Get-ChinookArtistCatalog' = @{
        DefaultParameterSet = 'ById'
        Parameters          = @(
            'AccessKey       *      System.String   Aliases=AK'
            'ArtistId        ById   System.Int64[]  Mandatory Position=0 Pipeline ByPropertyName'
            'EndpointUrl     *      System.String'
            'Name            ByName System.String[] Mandatory'
            'ProfileLocation *      System.String   Aliases=AWSProfilesLocation,ProfilesLocation'
            'ProfileName     *      System.String   Aliases=StoredCredentials,AWSProfileName'
            'Region          *      System.String'
            'SecretKey       *      System.String   Aliases=SK,SecretAccessKey'
            'SessionToken    *      System.String   Aliases=ST'
            'TablePrefix     *      System.String'
        )
    }
    'Get-ChinookCustomerOrder' = @{
        DefaultParameterSet = 'ById'
        Parameters          = @(
            'AccessKey       *       System.String   Aliases=AK'
            'CustomerId      ById    System.Int64[]  Mandatory Position=0 Pipeline ByPropertyName'
            'Email           ByEmail System.String[] Mandatory ByPropertyName'
            'EndpointUrl     *       System.String'
            'First           *       System.Int32'
            'ProfileLocation *       System.String   Aliases=AWSProfilesLocation,ProfilesLocation'
            'ProfileName     *       System.String   Aliases=StoredCredentials,AWSProfileName'
            'Region          *       System.String'
            'SecretKey       *       System.String   Aliases=SK,SecretAccessKey'
            'SessionToken    *       System.String   Aliases=ST'
            'TablePrefix     *       System.String'
        )
    }
    'Get-ChinookDynamoTable' = @{
        DefaultParameterSet = ''
        Parameters          = @(
            'AccessKey       * System.String   Aliases=AK'
            'EndpointUrl     * System.String'
            'ProfileLocation * System.String   Aliases=AWSProfilesLocation,ProfilesLocation'
            'ProfileName     * System.String   Aliases=StoredCredentials,AWSProfileName'
            'Region          * System.String'
            'SecretKey       * System.String   Aliases=SK,SecretAccessKey'
            'SessionToken    * System.String   Aliases=ST'
            'TableName       * System.String[] Position=0 Pipeline ByPropertyName'
            'TablePrefix     * System.String'
        )
    }
    'Get-ChinookEmployee' = @{
        DefaultParameterSet = ''
        Parameters          = @(
            'AccessKey       * System.String  Aliases=AK'
            'EmployeeId      * System.Int64[] Mandatory Position=0 Pipeline ByPropertyName'
            'EndpointUrl     * System.String'
            'ProfileLocation * System.String  Aliases=AWSProfilesLocation,ProfilesLocation'
            'ProfileName     * System.String  Aliases=StoredCredentials,AWSProfileName'
            'Region          * System.String'
            'SecretKey       * System.String  Aliases=SK,SecretAccessKey'
            'SessionToken    * System.String  Aliases=ST'
            'TablePrefix     * System.String'
        )
    }
    'Get-ChinookPlaylist' = @{
        DefaultParameterSet = 'ById'
        Parameters          = @(
            'AccessKey       *      System.String   Aliases=AK'
            'EndpointUrl     *      System.String'
            'Name            ByName System.String[] Mandatory'
            'PlaylistId      ById   System.Int64[]  Mandatory Position=0 Pipeline ByPropertyName'
            'ProfileLocation *      System.String   Aliases=AWSProfilesLocation,ProfilesLocation'
            'ProfileName     *      System.String   Aliases=StoredCredentials,AWSProfileName'
            'Region          *      System.String'
            'SecretKey       *      System.String   Aliases=SK,SecretAccessKey'
            'SessionToken    *      System.String   Aliases=ST'
            'TablePrefix     *      System.String'
        )
    }
    'Get-ChinookSourceStats' = @{
        DefaultParameterSet = 'Path'
        Parameters          = @(
            'DataQuality *           System.Management.Automation.SwitchParameter'
            'LiteralPath LiteralPath System.String[]                              Mandatory ByPropertyName Aliases=PSPath,LP'
            'Path        Path        System.String[]                              Position=0 Pipeline ByPropertyName'
        )
    }
    'Get-ChinookTableDefinition' = @{
        DefaultParameterSet = ''
        Parameters          = @(
            'BillingMode        * Chinook.Migration.Target.TableBillingMode'
            'ReadCapacityUnits  * System.Int64'
            'TableName          * System.String[] Position=0 Pipeline ByPropertyName'
            'TablePrefix        * System.String'
            'WriteCapacityUnits * System.Int64'
        )
    }
    'Import-ChinookFromS3' = @{
        DefaultParameterSet = ''
        Parameters          = @(
            'AccessKey          * System.String                                Aliases=AK'
            'BillingMode        * Chinook.Migration.Target.TableBillingMode'
            'BucketName         * System.String                                Mandatory'
            'EndpointUrl        * System.String'
            'KeyPrefix          * System.String'
            'ProfileLocation    * System.String                                Aliases=AWSProfilesLocation,ProfilesLocation'
            'ProfileName        * System.String                                Aliases=StoredCredentials,AWSProfileName'
            'ReadCapacityUnits  * System.Int64'
            'Region             * System.String'
            'SecretKey          * System.String                                Aliases=SK,SecretAccessKey'
            'SessionToken       * System.String                                Aliases=ST'
            'TableName          * System.String[]                              Position=0 Pipeline ByPropertyName'
            'TablePrefix        * System.String'
            'WriteCapacityUnits * System.Int64'
        )
    }
    'New-ChinookDynamoTable' = @{
        DefaultParameterSet = ''
        Parameters          = @(
            'AccessKey          * System.String                                Aliases=AK'
            'BillingMode        * Chinook.Migration.Target.TableBillingMode'
            'EndpointUrl        * System.String'
            'Force              * System.Management.Automation.SwitchParameter'
            'ProfileLocation    * System.String                                Aliases=AWSProfilesLocation,ProfilesLocation'
            'ProfileName        * System.String                                Aliases=StoredCredentials,AWSProfileName'
            'ReadCapacityUnits  * System.Int64'
            'Region             * System.String'
            'SecretKey          * System.String                                Aliases=SK,SecretAccessKey'
            'SessionToken       * System.String                                Aliases=ST'
            'TableName          * System.String[]                              Position=0 Pipeline ByPropertyName'
            'TablePrefix        * System.String'
            'TimeoutSeconds     * System.Int32'
            'WriteCapacityUnits * System.Int64'
        )
    }
    'Remove-ChinookDynamoTable' = @{
        DefaultParameterSet = ''
        Parameters          = @(
            'AccessKey       * System.String                                Aliases=AK'
            'EndpointUrl     * System.String'
            'Force           * System.Management.Automation.SwitchParameter'
            'ProfileLocation * System.String                                Aliases=AWSProfilesLocation,ProfilesLocation'
            'ProfileName     * System.String                                Aliases=StoredCredentials,AWSProfileName'
            'Region          * System.String'
            'SecretKey       * System.String                                Aliases=SK,SecretAccessKey'
            'SessionToken    * System.String                                Aliases=ST'
            'TableName       * System.String[]                              Position=0 Pipeline ByPropertyName'
            'TablePrefix     * System.String'
            'TimeoutSeconds  * System.Int32'
        )
    }
    'Sync-ChinookToDynamo' = @{
        DefaultParameterSet = 'Path'
        Parameters          = @(
            'AccessKey              *           System.String   Aliases=AK'
            'EndpointUrl            *           System.String'
            'LiteralPath            LiteralPath System.String[] Mandatory Aliases=PSPath,LP'
            'MaxAttempts            *           System.Int32'
            'MaxConcurrency         *           System.Int32'
            'MaxWriteUnitsPerSecond *           System.Int32'
            'MinConcurrency         *           System.Int32'
            'Path                   Path        System.String[] Position=0'
            'ProfileLocation        *           System.String   Aliases=AWSProfilesLocation,ProfilesLocation'
            'ProfileName            *           System.String   Aliases=StoredCredentials,AWSProfileName'
            'Region                 *           System.String'
            'RequestTimeoutSeconds  *           System.Int32'
            'SecretKey              *           System.String   Aliases=SK,SecretAccessKey'
            'SessionToken           *           System.String   Aliases=ST'
            'TablePrefix            *           System.String'
        )
    }
    'Test-ChinookMigration' = @{
        DefaultParameterSet = 'Path'
        Parameters          = @(
            'AccessKey       *           System.String                                Aliases=AK'
            'EndpointUrl     *           System.String'
            'FailingKeyCount *           System.Int32'
            'Iterations      *           System.Int32'
            'Kind            *           Chinook.Migration.Validation.ValidationKind[]'
            'LiteralPath     LiteralPath System.String[]                              Mandatory ByPropertyName Aliases=PSPath,LP'
            'Path            Path        System.String[]                              Position=0 Pipeline ByPropertyName'
            'ProfileLocation *           System.String                                Aliases=AWSProfilesLocation,ProfilesLocation'
            'ProfileName     *           System.String                                Aliases=StoredCredentials,AWSProfileName'
            'Quiet           *           System.Management.Automation.SwitchParameter'
            'Region          *           System.String'
            'SecretKey       *           System.String                                Aliases=SK,SecretAccessKey'
            'SessionToken    *           System.String                                Aliases=ST'
            'TablePrefix     *           System.String'
            'ThrottleLimit   *           System.Int32'
        )
    }
}
