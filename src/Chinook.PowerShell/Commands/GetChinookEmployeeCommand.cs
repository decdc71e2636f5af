using System;
using System.Management.Automation;
using Chinook.Migration.Access;
using Chinook.Migration.Target;
using Chinook.PowerShell.Commands.Shared;

namespace Chinook.PowerShell.Commands
{
    /// <summary>An employee with their chain of command, direct reports and the customers they serve, from one Query on EmployeeManagement.</summary>
    [Cmdlet(VerbsCommon.Get, "ChinookEmployee")]
    [OutputType(typeof(EmployeeDetails))]
    public sealed class GetChinookEmployeeCommand : AccessCmdlet
    {
        private EmployeeReader reader = null!;

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        public long[] EmployeeId { get; set; } = Array.Empty<long>();

        protected override string Activity => "Reading employees";

        protected override void OpenReader(DynamoConnection connection, string? tablePrefix, IProgress<ReadProgress> progress) =>
            reader = new EmployeeReader(connection, tablePrefix, progress);

        protected override void ProcessRecord()
        {
            foreach (var id in EmployeeId)
            {
                if (ReadOne(ct => reader.GetEmployeeAsync(id, ct), "Employee", $"EmployeeId {id}", id, reader) is { } employee)
                {
                    WriteObject(employee);
                }
            }
        }
    }
}
