namespace Chinook.Migration.Access
{
    /// <summary>
    /// One DynamoDB read of an access pattern as it goes: reported when the request starts (<see cref="Page"/> 0) and
    /// after each page, so a cmdlet can say which key or index it reads and how far it has come.
    /// </summary>
    public sealed class ReadProgress
    {
        internal ReadProgress(ReadRequest request, int page, int itemsRead, bool finished, int requestsDone, int requestsPlanned)
        {
            TableName = request.TableName;
            IndexName = request.IndexName;
            Operation = request.Operation;
            Condition = request.Condition;
            ConsistentRead = request.ConsistentRead;
            Page = page;
            ItemsRead = itemsRead;
            Finished = finished;
            RequestsDone = requestsDone;
            RequestsPlanned = requestsPlanned;
        }

        public string TableName { get; }

        /// <summary>The index read, or null for the table itself.</summary>
        public string? IndexName { get; }

        /// <summary>GetItem, Query, Scan or BatchGetItem.</summary>
        public string Operation { get; }

        /// <summary>What is read, in DynamoDB's terms: "PK = ARTIST#1", "GSI2PK = GENRE#Rock", "PK = CUSTOMER#1 AND begins_with(SK, ORDER#), newest first".</summary>
        public string Condition { get; }

        public bool ConsistentRead { get; }

        /// <summary>0 when the request starts, then the number of result pages read so far.</summary>
        public int Page { get; }

        /// <summary>Items this request has returned so far.</summary>
        public int ItemsRead { get; }

        /// <summary>Whether this request has read its last page.</summary>
        public bool Finished { get; }

        /// <summary>Requests of the whole access pattern finished so far (an artist's catalog reads the artist, then each album).</summary>
        public int RequestsDone { get; }

        /// <summary>Requests of the whole access pattern known so far; it grows when a first answer shows what else to read.</summary>
        public int RequestsPlanned { get; }

        /// <summary>For example "Query MusicCatalog index GSI2-GenreSearch: GSI2PK = GENRE#Rock".</summary>
        public string Description =>
            $"{Operation} {TableName}{(IndexName is null ? string.Empty : " index " + IndexName)}: {Condition}{(ConsistentRead ? " (consistent read)" : string.Empty)}";

        public override string ToString() => Description;
    }
}
