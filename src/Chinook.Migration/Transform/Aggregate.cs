using System.Collections.Generic;
using Chinook.Migration.Source;

namespace Chinook.Migration.Transform
{
    /// <summary>
    /// One parent row and the rows that belong to it (a customer and its invoices, an invoice and its lines),
    /// read as consecutive rows of an ordered join and completed into items when the next parent begins.
    /// </summary>
    internal abstract class Aggregate
    {
        /// <summary>Takes one row of the group, the first included; the cursor stands on it.</summary>
        public abstract IEnumerable<ConversionOutput> Add(SourceRowCursor cursor);

        /// <summary>Emits the aggregate's items once its last row has been read.</summary>
        public abstract IEnumerable<ConversionOutput> Complete();
    }
}
