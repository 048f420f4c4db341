using System.Runtime.CompilerServices;

namespace DigitalTwin.Engine.Collections;

/// <summary>
/// A list of structs that grows in blocks: they double from 256 items up to <see cref="MaxBlockSize"/> and then stay
/// that size, so nothing is ever copied and a list of millions holds at most one part-filled block more than it
/// needs (one array doubling to fit held up to twice what it needed, and three times while it was copied). Blocks are
/// kept by <see cref="Clear"/> for the next fill and given back by <see cref="Release"/>. An item is found by its block
/// and its index in the block, which fits in <see cref="MaxBlockBits"/> bits.
/// </summary>
internal sealed class BlockList<T>
    where T : struct
{
    /// <summary>No block holds more than 2^MaxBlockBits items.</summary>
    public const int MaxBlockBits = 16;

    public const int MaxBlockSize = 1 << MaxBlockBits;

    private const int FirstBlockSize = 256;

    private readonly List<T[]> _blocks = [];
    private T[] _block = [];
    private int _blockIndex = -1;
    private int _fill;

    /// <summary>Items added since the last <see cref="Clear"/>.</summary>
    public int Count { get; private set; }

    /// <summary>Blocks holding the items, in the order added; see <see cref="Block"/>.</summary>
    public int BlocksUsed => _blockIndex + 1;

    /// <summary>The items of one block (the last one only as far as it is filled).</summary>
    public ReadOnlySpan<T> Block(int block) => block == _blockIndex ? _block.AsSpan(0, _fill) : _blocks[block];

    /// <summary>The array behind <see cref="Block"/>, for reading items by index (the last one is filled only in part).</summary>
    public T[] BlockArray(int block) => _blocks[block];

    /// <summary>Bytes held by the blocks, used or kept.</summary>
    public long CapacityBytes
    {
        get
        {
            long items = 0;
            foreach (var block in _blocks)
            {
                items += block.Length;
            }
            return items * Unsafe.SizeOf<T>();
        }
    }

    /// <summary>The slot of a new item at the end of the list, to be written in place.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ref T Append()
    {
        if (_fill == _block.Length)
        {
            NextBlock();
        }
        Count++;
        return ref _block[_fill++];
    }

    /// <summary>Empties the list, keeping its blocks for the next fill.</summary>
    public void Clear()
    {
        Count = 0;
        _blockIndex = -1;
        _fill = 0;
        _block = [];
    }

    /// <summary>Empties the list and gives its blocks back.</summary>
    public void Release()
    {
        _blocks.Clear();
        Clear();
    }

    /// <summary>Moves on to the next block, reusing one kept from an earlier fill.</summary>
    private void NextBlock()
    {
        _blockIndex++;
        if (_blockIndex == _blocks.Count)
        {
            int size = _blockIndex == 0 ? FirstBlockSize : Math.Min(MaxBlockSize, _blocks[_blockIndex - 1].Length * 2);
            _blocks.Add(new T[size]);
        }
        _block = _blocks[_blockIndex];
        _fill = 0;
    }
}
