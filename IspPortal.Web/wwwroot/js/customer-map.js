// The live customer map (Network → Map). Our CustomerMap component owns it through IJSRuntime:
// markers arrive as columns (codes, latitudes, longitudes, states), changes as the same columns
// for only the customers that changed, so 50,000 markers load at once and a sync's changes apply
// without touching the rest, the zoom or the pan.
const STATES = ['online', 'offline', 'disabled'];
const REMOVED = 3;
const maps = new WeakMap();

export function create(element, options, component) {
    const map = L.map(element, { preferCanvas: false, zoomControl: true }).setView([options.latitude, options.longitude], options.zoom);
    // Markers work without tiles (our test machines have no internet).
    L.tileLayer(options.tileUrl, { maxZoom: 19, attribution: '&copy; OpenStreetMap' }).addTo(map);
    const group = L.markerClusterGroup({
        chunkedLoading: false,
        showCoverageOnHover: false,
        disableClusteringAtZoom: 18,
        iconCreateFunction: clusterIcon,
    });
    map.addLayer(group);
    const routers = L.layerGroup().addTo(map);
    const state = { map, group, routers, markers: new Map(), component, canOperate: options.canOperate, labels: options.labels, legend: options.legend };
    maps.set(element, state);
    group.on('click', e => openPopup(state, e.layer));
    return true;
}

/**
 * Replaces every customer marker; returns the milliseconds it took. One synchronous pass: chunked
 * loading re-drew the visible clusters after every chunk and idled between chunks, which made
 * 50,000 markers take twice as long.
 */
export function setMarkers(element, codes, latitudes, longitudes, states) {
    const state = maps.get(element);
    const started = performance.now();
    keepCounts = false;
    state.group.clearLayers();
    state.markers.clear();
    const layers = new Array(codes.length);
    for (let i = 0; i < codes.length; i++) {
        const marker = newMarker(codes[i], latitudes[i], longitudes[i], states[i]);
        state.markers.set(codes[i], marker);
        layers[i] = marker;
    }
    state.group.addLayers(layers);
    keepCounts = true;
    generation++;
    element.dataset.markers = String(state.markers.size);
    // Read by the map benchmark.
    const elapsed = performance.now() - started;
    element.dataset.loadMs = elapsed.toFixed(1);
    return elapsed;
}

/**
 * Applies changed customers only, and shows the legend's counts after them (so a live change is one
 * call, not a call and a render); returns the milliseconds it took.
 */
export function update(element, codes, latitudes, longitudes, states, counts) {
    const state = maps.get(element);
    if (!state)
        return 0;
    showCounts(state, counts);
    const started = performance.now();
    const restyled = [];
    const added = [];
    let removed = false;
    for (let i = 0; i < codes.length; i++) {
        const code = codes[i];
        const marker = state.markers.get(code);
        if (states[i] === REMOVED) {
            if (marker) {
                forgetCounts(marker);
                state.group.removeLayer(marker);
                state.markers.delete(code);
                removed = true;
            }
            continue;
        }
        if (!marker) {
            if (latitudes[i] === null || longitudes[i] === null)
                continue;
            const created = newMarker(code, latitudes[i], longitudes[i], states[i]);
            state.markers.set(code, created);
            added.push(created);
            continue;
        }
        if (marker.options.state !== states[i]) {
            marker.options.state = states[i];
            forgetCounts(marker);
            marker.setIcon(ICONS[states[i]]);
            restyled.push(marker);
        }
    }
    if (added.length > 0 || removed)
        generation++;
    if (added.length > 0)
        state.group.addLayers(added);
    if (restyled.length > 0)
        state.group.refreshClusters(restyled);
    element.dataset.markers = String(state.markers.size);
    element.dataset.updates = String(Number(element.dataset.updates ?? 0) + 1);
    element.dataset.updateMs = (performance.now() - started).toFixed(1);
    return performance.now() - started;
}

/**
 * Writes into the text nodes the legend component rendered rather than replacing them, so the
 * component's own later renders still reach the page.
 */
function showCounts(state, counts) {
    if (!counts || !state.legend)
        return;
    for (const name of STATES) {
        const text = state.legend.querySelector(`[data-count="${name}"]`)?.firstChild;
        if (text)
            text.nodeValue = String(counts[name]);
    }
}

export function setRouters(element, routers) {
    const state = maps.get(element);
    state.routers.clearLayers();
    for (const router of routers) {
        const health = router.health.toLowerCase();
        const icon = L.divIcon({
            className: 'rm-marker',
            html: `<div class="rm rm-${health}" data-router="${escape(router.code)}" data-health="${health}">${escape(router.code)}</div>`,
            iconSize: [44, 22],
        });
        L.marker([router.latitude, router.longitude], { icon, zIndexOffset: 1000, keyboard: false })
            .bindTooltip(`${escape(router.code)} · ${escape(router.name)} · ${escape(router.healthLabel)}`)
            .addTo(state.routers);
    }
}

/** Zooms to a customer (out of its cluster) and opens its popup; false when it is not on the map. */
export function flyTo(element, code) {
    const state = maps.get(element);
    const marker = state?.markers.get(code);
    if (!marker)
        return false;
    state.group.zoomToShowLayer(marker, () => openPopup(state, marker));
    return true;
}

/** The marker's state as drawn, for tests and tools ("online", "offline", "disabled"; null when absent). */
export function markerState(element, code) {
    const marker = maps.get(element)?.markers.get(code);
    return marker ? STATES[marker.options.state] : null;
}

export function dispose(element) {
    const state = maps.get(element);
    if (state) {
        state.map.remove();
        maps.delete(element);
    }
}

// One icon per state, shared by every marker: 50,000 markers cost 50,000 small objects, not 50,000
// icons with their own HTML. A marker's own attributes are set on its element when Leaflet draws it
// (only markers outside clusters are ever drawn).
const ICONS = STATES.map(name => L.divIcon({
    className: 'cm-marker',
    html: `<div class="cm cm-${name}" data-status="${name}" role="img"></div>`,
    iconSize: [16, 16],
}));

const CustomerMarker = L.Marker.extend({
    _initIcon() {
        L.Marker.prototype._initIcon.call(this);
        const dot = this._icon.firstChild;
        dot.dataset.customer = this.options.code;
        dot.setAttribute('aria-label', `${this.options.code} ${STATES[this.options.state]}`);
    },
});

function newMarker(code, latitude, longitude, state) {
    return new CustomerMarker([latitude, longitude], { icon: ICONS[state], state, code, keyboard: false });
}

// A cluster takes the colour of its worst member: any offline → red ring; else any online → green.
// Counted through the cluster's tree (markercluster 1.5's _markers and _childClusters) rather than
// getAllChildMarkers, which builds an array of every child each time a cluster is drawn.
function clusterIcon(cluster) {
    const [online, offline] = countStates(cluster);
    const worst = offline > 0 ? 'offline' : online > 0 ? 'online' : 'disabled';
    const count = cluster.getChildCount();
    const size = count < 100 ? 34 : count < 1000 ? 42 : 52;
    return L.divIcon({
        className: 'cc-marker',
        html: `<div class="cc cc-${worst}" data-worst="${worst}" title="${offline} offline"><span>${count}</span></div>`,
        iconSize: [size, size],
    });
}

async function openPopup(state, marker) {
    const code = marker.options.code;
    const content = document.createElement('div');
    content.className = 'cm-popup';
    content.textContent = state.labels.loading;
    marker.unbindPopup();
    marker.bindPopup(content, { minWidth: 240 }).openPopup();
    const details = await state.component.invokeMethodAsync('PopupAsync', code);
    content.textContent = '';
    if (!details) {
        content.textContent = state.labels.notFound;
        return;
    }
    const title = document.createElement('div');
    title.className = 'cm-popup-title';
    title.textContent = `${details.code} · ${details.fullName}`;
    content.appendChild(title);
    for (const [label, value] of details.lines) {
        const line = document.createElement('div');
        const key = document.createElement('span');
        key.className = 'cm-popup-label';
        key.textContent = label + ': ';
        line.appendChild(key);
        line.appendChild(document.createTextNode(value ?? '—'));
        content.appendChild(line);
    }
    const actions = document.createElement('div');
    actions.className = 'cm-popup-actions';
    const link = document.createElement('a');
    link.href = `/customers/${encodeURIComponent(details.code)}`;
    link.textContent = state.labels.detail;
    actions.appendChild(link);
    for (const action of details.actions) {
        const button = document.createElement('button');
        button.type = 'button';
        button.textContent = action.label;
        button.dataset.action = action.name;
        button.addEventListener('click', () => {
            marker.closePopup();
            state.component.invokeMethodAsync('ActAsync', details.code, action.name);
        });
        actions.appendChild(button);
    }
    content.appendChild(actions);
    marker.getPopup()?.update();
}

// A cluster's counts are kept until something below it changes: a restyled marker forgets its
// clusters' counts (forgetCounts), anything that reshapes the clusters starts a new generation, and
// nothing is kept while the markers load (the clusters change with every chunk).
let generation = 0;
let keepCounts = true;

function countStates(cluster) {
    if (keepCounts && cluster._ispGeneration === generation)
        return cluster._ispCounts;
    const counts = [0, 0, 0];
    for (const marker of cluster._markers)
        counts[marker.options.state]++;
    for (const child of cluster._childClusters) {
        const below = countStates(child);
        counts[0] += below[0];
        counts[1] += below[1];
        counts[2] += below[2];
    }
    cluster._ispGeneration = generation;
    cluster._ispCounts = counts;
    return counts;
}

function forgetCounts(marker) {
    for (let cluster = marker.__parent; cluster; cluster = cluster.__parent)
        cluster._ispGeneration = -1;
}

function escape(text) {
    return String(text).replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}
