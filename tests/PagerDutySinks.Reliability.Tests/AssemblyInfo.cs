// Fault scenarios share process-wide rate limiters per routing key; each test uses its own key.
[assembly: CollectionBehavior(DisableTestParallelization = false)]
