namespace Chinook.PowerShell.Commands.Shared
{
    /// <summary>The answer to ShouldProcess: go ahead, -WhatIf (show only), or No at the -Confirm prompt.</summary>
    public enum Consent { Yes, WhatIf, Declined }
}
