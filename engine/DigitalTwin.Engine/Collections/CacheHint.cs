using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace DigitalTwin.Engine.Collections;

/// <summary>
/// Asks the CPU to start loading a cache line before it is needed. For loops over items scattered across hundreds of
/// megabytes (the familiarity table, the day's fragments): the item a few iterations ahead is fetched while this one
/// is worked on. A hint only: it never changes a result, and does nothing where the CPU has no prefetch instruction.
/// </summary>
internal static class CacheHint
{
    public static unsafe void Prefetch<T>(ref readonly T item)
    {
        if (Sse.IsSupported)
        {
            Sse.Prefetch0(Unsafe.AsPointer(ref Unsafe.AsRef(in item)));
        }
    }
}
