using IspPortal.Core.Network;
using IspPortal.Core.Network.Map;
using IspPortal.Core.Network.Sync;

namespace IspPortal.Web.Features.Network.Components;

/// <summary>The columns the map module applies: only the customers that changed.</summary>
public sealed record MarkerUpdate(List<string> Codes, List<double?> Latitudes, List<double?> Longitudes, List<int> States)
{
    public int Count => Codes.Count;
}

/// <summary>
/// What an open map shows, kept on the server side of the circuit: which customers are on it and in
/// which state, and which changes from the feed concern it under the current filter. Thread-safe:
/// the feed calls <see cref="Queue"/> from sync threads, the circuit drains with <see cref="TakeUpdate"/>.
/// </summary>
public sealed class LiveMarkerSet
{
    private readonly Dictionary<string, MapMarkerState> _shown = new(StringComparer.Ordinal);
    private readonly Dictionary<MapMarkerState, int> _counts = [];
    private readonly List<CustomerConnectionChange> _pending = [];
    private readonly Lock _lock = new();
    private MapFilter _filter = new();
    private bool _routersChanged;

    public void Reset(MapFilter filter, MapSnapshot snapshot)
    {
        lock (_lock)
        {
            _filter = filter;
            _shown.Clear();
            _counts.Clear();
            for (var i = 0; i < snapshot.Count; i++)
                Show(snapshot.Codes[i], (MapMarkerState)snapshot.States[i]);
        }
    }

    /// <summary>How many markers are in <paramref name="state"/>: kept as markers change, since every live update shows it.</summary>
    public int Count(MapMarkerState state)
    {
        lock (_lock)
            return _counts.GetValueOrDefault(state);
    }

    /// <returns>True when this is the first change since the last <see cref="TakeUpdate"/>: schedule one flush.</returns>
    public bool Queue(NetworkChanges changes)
    {
        lock (_lock)
        {
            var first = _pending.Count == 0 && !_routersChanged;
            _pending.AddRange(changes.Customers);
            _routersChanged |= changes.RouterChanged;
            return first;
        }
    }

    /// <summary>The queued changes that concern this map, the last change of a customer winning; and whether routers changed.</summary>
    public (MarkerUpdate Markers, bool RoutersChanged) TakeUpdate()
    {
        lock (_lock)
        {
            var update = new MarkerUpdate([], [], [], []);
            foreach (var change in _pending.GroupBy(c => c.CustomerCode).Select(g => g.Last()))
            {
                var shown = _shown.ContainsKey(change.CustomerCode);
                // A new customer can be judged only by what the change carries (router, state); with
                // a location or package filter only customers already shown are updated.
                var admitted = (_filter.JudgesLocally || shown) && _filter.Admits(change.RouterId, change.Marker);
                if (!admitted && !shown)
                    continue;
                if (admitted && !shown && change.Latitude is null)
                    continue;
                var state = admitted ? change.Marker : MapMarkerState.Removed;
                Show(change.CustomerCode, state);
                update.Codes.Add(change.CustomerCode);
                update.Latitudes.Add(change.Latitude);
                update.Longitudes.Add(change.Longitude);
                update.States.Add((int)state);
            }
            var routersChanged = _routersChanged;
            _pending.Clear();
            _routersChanged = false;
            return (update, routersChanged);
        }
    }

    private void Show(string code, MapMarkerState state)
    {
        if (_shown.Remove(code, out var was))
            _counts[was]--;
        if (state == MapMarkerState.Removed)
            return;
        _shown[code] = state;
        _counts[state] = _counts.GetValueOrDefault(state) + 1;
    }
}
