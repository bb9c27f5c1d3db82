# Sourced by the benchmark scripts: the C library's allocator settings the platform runs with (README, "Memory
# allocator"). The embedded PostgreSQL inherits them from the JVM; without them each of its backends gives freed
# heap back to the kernel at the end of a statement and faults it in again at the next, which made the database
# spend a third more CPU per row in the ingestion benchmark.
export MALLOC_TRIM_THRESHOLD_="${MALLOC_TRIM_THRESHOLD_:-268435456}"
export MALLOC_TOP_PAD_="${MALLOC_TOP_PAD_:-16777216}"
export MALLOC_MMAP_THRESHOLD_="${MALLOC_MMAP_THRESHOLD_:-33554432}"
