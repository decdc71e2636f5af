using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace Chinook.PowerShell.Commands.Completion
{
    /// <summary>What every completer here shares: which values fit the word typed so far, and how a value is written on the command line.</summary>
    internal static class CompletionText
    {
        /// <summary>The values that start with the word typed (quotes and letter case ignored), each with its tooltip, as completions.</summary>
        public static IEnumerable<CompletionResult> Matching(IEnumerable<(string Value, string ToolTip)> values, string? wordToComplete, bool wildcardValue = false)
        {
            var typed = (wordToComplete ?? string.Empty).Trim('\'', '"');
            return values
                .Where(v => v.Value.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
                .Select(v => new CompletionResult(Quote(wildcardValue ? WildcardPattern.Escape(v.Value) : v.Value), v.Value, CompletionResultType.ParameterValue, v.ToolTip));
        }

        /// <summary>The value as a single-quoted string when anything in it would otherwise be read as syntax (a space, &amp;, a quote...).</summary>
        public static string Quote(string value) =>
            value.Length > 0 && value.All(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' or '/' or '`' or '*' or '?' or '[' or ']')
                ? value
                : "'" + value.Replace("'", "''") + "'";

        /// <summary>A bound parameter's value as text, or null when it is not bound or is not plain text (a variable, an expression).</summary>
        public static string? Bound(System.Collections.IDictionary fakeBoundParameters, string name) =>
            fakeBoundParameters.Contains(name) ? LanguagePrimitives.ConvertTo<string?>(fakeBoundParameters[name]) : null;
    }
}
