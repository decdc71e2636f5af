using System;
using System.Collections.Generic;

namespace Chinook.Migration.Target
{
    /// <summary>An exception and the exceptions inside it, outermost first: the SDK wraps the cause it met.</summary>
    internal static class ExceptionChain
    {
        public static IEnumerable<Exception> Of(Exception exception)
        {
            for (Exception? current = exception; current is not null; current = current.InnerException)
            {
                yield return current;
            }
        }
    }
}
