namespace IspPortal.Tests.Support;

// The checkout the tests run from: the folder holding IspPortal.sln above the test binaries.
public static class RepositoryFolder
{
    private static readonly Lazy<string> _root = new(Find);

    public static string Root => _root.Value;

    public static string PathTo(string relativePath) => Path.Combine(Root, relativePath);

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "IspPortal.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"IspPortal.sln not found above {AppContext.BaseDirectory}.");
    }
}
