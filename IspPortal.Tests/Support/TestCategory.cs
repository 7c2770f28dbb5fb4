namespace IspPortal.Tests.Support;

// [Trait(TestCategory.Name, TestCategory.Benchmark)] marks a benchmark: test.sh leaves those out
// (dotnet test --filter "Category!=Benchmark"); run them with --filter Category=Benchmark.
public static class TestCategory
{
    public const string Name = "Category";
    public const string Benchmark = "Benchmark";
    public const string Browser = "Browser";
}
