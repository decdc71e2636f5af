using System;

namespace Chinook.Migration.Target
{
    /// <summary>A connection setting that cannot work, found before any request is sent.</summary>
    public sealed class DynamoSettingException : ArgumentException
    {
        public DynamoSettingException(string setting, string message)
            : base(message)
        {
            Setting = setting;
        }

        /// <summary>The <see cref="DynamoConnectionSettings"/> property at fault, for example EndpointUrl or Region.</summary>
        public string Setting { get; }
    }
}
