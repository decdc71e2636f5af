using System.Threading;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Chinook.Migration.Items;
using Chinook.Migration.Target;

namespace Chinook.Migration.Validation
{
    /// <summary>Reads single target items again (GetItem, strongly consistent), for the few that a comparison must describe.</summary>
    internal sealed class TargetItemReader
    {
        private readonly IAmazonDynamoDB client;
        private readonly CancellationToken cancellationToken;

        public TargetItemReader(IAmazonDynamoDB client, CancellationToken cancellationToken)
        {
            this.client = client;
            this.cancellationToken = cancellationToken;
        }

        /// <summary>The item, or null when it is gone or is not a Chinook item. Blocks: it serves a synchronous comparison, a few times per run.</summary>
        /// <exception cref="DynamoOperationException">DynamoDB refuses or does not answer.</exception>
        public ChinookItem? Read(ItemKey key)
        {
            var request = new GetItemRequest
            {
                TableName = key.TableName,
                ConsistentRead = true,
                Key = new System.Collections.Generic.Dictionary<string, AttributeValue>
                {
                    [ChinookKeys.PartitionKeyName] = new AttributeValue { S = key.PartitionKey },
                    [ChinookKeys.SortKeyName] = new AttributeValue { S = key.SortKey },
                },
            };
            var response = DynamoErrors.Call(key.TableName, "read an item of", () => client.GetItemAsync(request, cancellationToken), cancellationToken)
                .GetAwaiter().GetResult();
            if (response.Item is not { Count: > 0 } item)
            {
                return null;
            }
            try
            {
                return ItemAttributeMapper.FromAttributeMap(key.TableName, item);
            }
            catch (System.ArgumentException)
            {
                return null;
            }
        }
    }
}
