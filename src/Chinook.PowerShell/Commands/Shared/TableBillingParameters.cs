using System.Management.Automation;
using Chinook.Migration.Target;

namespace Chinook.PowerShell.Commands.Shared
{
    /// <summary>Turns -BillingMode, -ReadCapacityUnits and -WriteCapacityUnits into the core's billing choice.</summary>
    internal static class TableBillingParameters
    {
        /// <summary>Capacity for each table and index when Provisioned is asked for without units (the AWS console's default).</summary>
        public const long DefaultCapacityUnits = 5;

        /// <summary>Capacity units alone imply provisioned billing; with -BillingMode PayPerRequest they are an error.</summary>
        public static TableBilling Resolve(PSCmdlet cmdlet, TableBillingMode mode, long readCapacityUnits, long writeCapacityUnits)
        {
            var bound = cmdlet.MyInvocation.BoundParameters;
            var capacityGiven = bound.ContainsKey("ReadCapacityUnits") || bound.ContainsKey("WriteCapacityUnits");
            var provisioned = mode == TableBillingMode.Provisioned;
            if (capacityGiven && bound.ContainsKey("BillingMode") && !provisioned)
            {
                cmdlet.ThrowTerminatingError(ErrorRecords.CapacityWithoutProvisioned());
            }
            return provisioned || capacityGiven
                ? TableBilling.Provisioned(readCapacityUnits, writeCapacityUnits)
                : TableBilling.OnDemand;
        }
    }
}
