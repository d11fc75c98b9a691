#if canImport(Glibc)
import Glibc
#endif

/// Hands memory that was freed back to the system.
///
/// glibc's allocator keeps freed blocks in its heap for reuse, so after a long page's parse
/// trees or parts are freed, the process still counts them and the next large block (the
/// page's bytes) comes on top. `malloc_trim` gives every free page back. Elsewhere this does
/// nothing.
public enum FreedMemory {
    /// Returns the free pages of the heap to the system, where the C library can.
    public static func release() {
        #if canImport(Glibc)
        // Looked up at run time: <malloc.h> is not part of the Glibc module.
        guard let symbol = dlsym(nil, "malloc_trim") else { return }
        _ = unsafeBitCast(symbol, to: (@convention(c) (Int) -> Int32).self)(0)
        #endif
    }
}
