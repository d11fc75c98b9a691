/// Process-wide memory settings for training loops.
public enum Allocator {
    /// Keeps large tensor buffers on the heap instead of fresh `mmap` pages.
    ///
    /// A training step allocates and frees the same few hundred-kilobyte buffers
    /// every time; glibc would otherwise map and unmap them each step and pay a
    /// page fault per page. Call once at program start (a no-op off Linux).
    public static func keepLargeBuffersOnHeap() {
        #if os(Linux)
        // <malloc.h>: M_TRIM_THRESHOLD = -1, M_MMAP_THRESHOLD = -3 (not exported by Glibc's module map).
        _ = glibcMallopt(-3, 64 << 20)
        _ = glibcMallopt(-1, 256 << 20)
        #endif
    }
}

#if os(Linux)
@_silgen_name("mallopt")
private func glibcMallopt(_ parameter: Int32, _ value: Int32) -> Int32
#endif
