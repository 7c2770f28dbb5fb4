namespace IspPortal.Infrastructure.StandIns.RouterOs;

/// <summary>What the router answers to one command: rows (each a list of <c>=name=value</c> words), then
/// a trap or a <c>!done</c> that may carry <c>=ret=</c>.</summary>
public sealed record SimulatorReply(IReadOnlyList<IReadOnlyList<string>> Rows, string? Ret, string? Trap, string? TrapCategory)
{
    public static SimulatorReply Done(string? ret = null) => new([], ret, null, null);

    public static SimulatorReply Failed(string message, string? category = null) => new([], null, message, category);

    /// <summary>An unknown menu or verb (ROUTEROS.md §7.1; the category is the one the simulator has always sent).</summary>
    public static SimulatorReply NoSuchCommand() => Failed("no such command", "0");
}

public sealed record SimulatedSecret(string Id, string Name, string Password, string Profile, bool Disabled, string? Comment)
{
    public override string ToString() => $"SimulatedSecret {{ Id = {Id}, Name = {Name}, Profile = {Profile}, Disabled = {Disabled} }}";
}

public sealed record SimulatedSession(string Id, string Name, string Address, string Profile, DateTimeOffset Since);

public sealed record SimulatedAddressListEntry(string Id, string List, string Address, string? Comment, bool Dynamic);
