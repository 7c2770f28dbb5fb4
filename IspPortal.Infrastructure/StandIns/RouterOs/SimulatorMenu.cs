namespace IspPortal.Infrastructure.StandIns.RouterOs;

/// <summary>How the simulator checks a value written to a property.</summary>
public enum PropertyKind
{
    Text,
    /// <summary><c>yes</c>/<c>no</c>/<c>true</c>/<c>false</c> on input; printed as <c>true</c>/<c>false</c>.</summary>
    Flag,
    /// <summary>A whole number, such as the byte limits.</summary>
    Number,
}

/// <summary>One property of a menu as ROUTEROS.md §5 documents it.</summary>
/// <param name="Default">What <c>print</c> shows while the property is unset; null leaves it out of the row, as RouterOS
/// does for an unset <c>remote-address</c>. <c>unset</c> returns a property to this.</param>
/// <param name="ReadOnly">Shown by <c>print</c> but refused by <c>add</c> and <c>set</c> as an unknown parameter.</param>
/// <param name="Mandatory"><c>add</c> needs it and <c>unset</c> cannot clear it.</param>
public sealed record MenuProperty(string Name, string? Default = null, PropertyKind Kind = PropertyKind.Text, bool ReadOnly = false, bool Mandatory = false)
{
    public static MenuProperty Required(string name) => new(name, Mandatory: true);

    public static MenuProperty Flag(string name, bool value = false) => new(name, value ? "true" : "false", PropertyKind.Flag);

    public static MenuProperty Number(string name, long value = 0) => new(name, value.ToString(System.Globalization.CultureInfo.InvariantCulture), PropertyKind.Number);

    public static MenuProperty Shown(string name, string? value = null) => new(name, value, ReadOnly: true);
}

/// <summary>The verbs a menu answers besides <c>print</c>; any other verb is <c>no such command</c>.</summary>
[Flags]
public enum MenuVerbs
{
    None = 0,
    Add = 1,
    Set = 2,
    Remove = 4,
    /// <summary><c>enable</c> and <c>disable</c>: shorthands for <c>set =disabled=</c>.</summary>
    Toggle = 8,
    Edit = Set | Toggle,
    All = Add | Set | Remove | Toggle,
}

/// <summary>
/// A menu of the simulated router: its documented properties (defaults, read-only, mandatory), the
/// verbs it answers, and its items in id order. Lookups by id are constant time, so a command on a
/// 20,000-row table costs what one on a 20-row table does.
/// </summary>
public sealed class SimulatorMenu
{
    private readonly Dictionary<string, MenuProperty> _byName;

    public SimulatorMenu(string path, MenuVerbs verbs, IReadOnlyList<MenuProperty> properties, bool singleton = false)
    {
        Path = path;
        Verbs = verbs;
        Properties = properties;
        Singleton = singleton;
        _byName = properties.ToDictionary(p => p.Name, StringComparer.Ordinal);
    }

    public string Path { get; }

    public MenuVerbs Verbs { get; }

    /// <summary>In the order <c>print</c> writes them.</summary>
    public IReadOnlyList<MenuProperty> Properties { get; }

    /// <summary>One row without <c>.id</c>, such as <c>/system/identity</c>; <c>set</c> needs no id.</summary>
    public bool Singleton { get; }

    public OrderedDictionary<string, SimulatorItem> Items { get; } = new(StringComparer.Ordinal);

    /// <summary>Properties worked out when printed (uptime, byte counters) rather than stored.</summary>
    public Func<SimulatorItem, string, string?>? Computed { get; init; }

    public bool Answers(MenuVerbs verb) => (Verbs & verb) == verb;

    public MenuProperty? Property(string name) => _byName.GetValueOrDefault(name);

    /// <summary>The value <c>print</c> and queries see: computed, set, or the default.</summary>
    public string? Value(SimulatorItem item, string name)
    {
        if (name == ".id")
            return Singleton ? null : item.Id;
        if (Computed?.Invoke(item, name) is { } computed)
            return computed;
        return item.Props.TryGetValue(name, out var value) ? value : _byName.GetValueOrDefault(name)?.Default;
    }

    /// <summary>An item by <c>.id</c> or, as RouterOS also allows, by name.</summary>
    public SimulatorItem? Find(string idOrName)
    {
        if (Items.TryGetValue(idOrName, out var item))
            return item;
        foreach (var candidate in Items.Values)
        {
            if (candidate["name"] == idOrName)
                return candidate;
        }
        return null;
    }
}

/// <summary>One row of a menu: the values set on it (defaults live in the menu) and the simulator's bookkeeping.</summary>
public sealed class SimulatorItem(string id, DateTimeOffset since)
{
    public string Id => id;

    public DateTimeOffset Since => since;

    public Dictionary<string, string> Props { get; } = new(StringComparer.Ordinal);

    /// <summary>The dynamic interface and address-list entries a session brought up; they go with it.</summary>
    public List<(SimulatorMenu Menu, SimulatorItem Item)> Dependents { get; } = [];

    /// <summary>The profile a session dialled in with (not a /ppp/active property, kept for tests).</summary>
    public string? Profile { get; set; }

    public long RxPerSecond { get; set; }

    public long TxPerSecond { get; set; }

    public string? this[string name] => Props.GetValueOrDefault(name);
}
