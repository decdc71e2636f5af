namespace Chinook.Migration.Comparison
{
    /// <summary>How an item the source gives compares with the target's item of the same key.</summary>
    public enum ItemChange
    {
        /// <summary>The target holds the item with the same content.</summary>
        Unchanged,

        /// <summary>The target has no item of this key.</summary>
        Added,

        /// <summary>The target's item of this key has other content.</summary>
        Changed,

        /// <summary>The target holds an item of a key the source no longer gives.</summary>
        Deleted,
    }
}
