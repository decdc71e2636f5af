using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Specialized;

namespace Chinook.Migration.Target
{
    /// <summary>
    /// A definition part that serializes to exactly the shape `aws dynamodb create-table --cli-input-json` accepts.
    /// PowerShell's ConvertTo-Json writes every public property, null or not, and honours no attribute this
    /// library could carry; the AWS CLI rejects null members and DynamoDB rejects an empty index list. Seen as a
    /// read-only dictionary of only the members that carry a value, the object serializes to the CLI's shape in
    /// ConvertTo-Json and System.Text.Json alike, while its typed properties stay what C# and PowerShell read.
    /// </summary>
    public abstract class CliInputObject : IDictionary
    {
        private OrderedDictionary? members;

        /// <summary>The CLI members in the CLI's order; a null value leaves the member out.</summary>
        protected abstract IEnumerable<KeyValuePair<string, object?>> CliMembers();

        protected static KeyValuePair<string, object?> Member(string name, object? value) => new KeyValuePair<string, object?>(name, value);

        private OrderedDictionary Members
        {
            get
            {
                if (members is null)
                {
                    var present = new OrderedDictionary(StringComparer.Ordinal);
                    foreach (var member in CliMembers())
                    {
                        if (member.Value is not null)
                        {
                            present.Add(member.Key, member.Value);
                        }
                    }
                    members = present.AsReadOnly();
                }
                return members;
            }
        }

        object? IDictionary.this[object key]
        {
            get => Members[key];
            set => throw ReadOnly();
        }

        ICollection IDictionary.Keys => Members.Keys;
        ICollection IDictionary.Values => Members.Values;
        bool IDictionary.IsReadOnly => true;
        bool IDictionary.IsFixedSize => true;
        int ICollection.Count => Members.Count;
        bool ICollection.IsSynchronized => false;
        object ICollection.SyncRoot => Members;

        bool IDictionary.Contains(object key) => Members.Contains(key);
        IDictionaryEnumerator IDictionary.GetEnumerator() => Members.GetEnumerator();
        IEnumerator IEnumerable.GetEnumerator() => Members.GetEnumerator();
        void ICollection.CopyTo(Array array, int index) => Members.CopyTo(array, index);
        void IDictionary.Add(object key, object? value) => throw ReadOnly();
        void IDictionary.Clear() => throw ReadOnly();
        void IDictionary.Remove(object key) => throw ReadOnly();

        private static NotSupportedException ReadOnly() => new NotSupportedException("A table definition cannot be changed.");
    }
}
