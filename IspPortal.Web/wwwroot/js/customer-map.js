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
        chunkedLoading: true,
        chunkInterval: 100,
        showCoverageOnHover: false,
        disableClusteringAtZoom: 18,
        iconCreateFunction: clusterIcon,
    });
    map.addLayer(group);
    const routers = L.layerGroup().addTo(map);
    const state = { map, group, routers, markers: new Map(), component, canOperate: options.canOperate, labels: options.labels };
    maps.set(element, state);
    group.on('click', e => openPopup(state, e.layer));
    return true;
}

/** Replaces every customer marker; resolves with the milliseconds it took once all are on the map. */
export function setMarkers(element, codes, latitudes, longitudes, states) {
    const state = maps.get(element);
    const started = performance.now();
    state.group.clearLayers();
    state.markers.clear();
    const layers = new Array(codes.length);
    for (let i = 0; i < codes.length; i++) {
        const marker = newMarker(codes[i], latitudes[i], longitudes[i], states[i]);
        state.markers.set(codes[i], marker);
        layers[i] = marker;
    }
    return new Promise(resolve => {
        if (layers.length === 0) {
            resolve(performance.now() - started);
            return;
        }
        state.group.options.chunkProgress = (processed, total) => {
            if (processed === total) {
                state.group.options.chunkProgress = null;
                element.dataset.markers = String(state.markers.size);
                // Read by the map benchmark.
                element.dataset.loadMs = (performance.now() - started).toFixed(1);
                resolve(performance.now() - started);
            }
        };
        state.group.addLayers(layers);
    });
}

/** Applies changed customers only; returns the milliseconds it took. */
export function update(element, codes, latitudes, longitudes, states) {
    const state = maps.get(element);
    if (!state)
        return 0;
    const started = performance.now();
    const restyled = [];
    const added = [];
    for (let i = 0; i < codes.length; i++) {
        const code = codes[i];
        const marker = state.markers.get(code);
        if (states[i] === REMOVED) {
            if (marker) {
                state.group.removeLayer(marker);
                state.markers.delete(code);
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
            marker.setIcon(markerIcon(code, states[i]));
            restyled.push(marker);
        }
    }
    if (added.length > 0)
        state.group.addLayers(added);
    if (restyled.length > 0)
        state.group.refreshClusters(restyled);
    element.dataset.markers = String(state.markers.size);
    element.dataset.updates = String(Number(element.dataset.updates ?? 0) + 1);
    element.dataset.updateMs = (performance.now() - started).toFixed(1);
    return performance.now() - started;
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

function newMarker(code, latitude, longitude, state) {
    return L.marker([latitude, longitude], { icon: markerIcon(code, state), state, code, keyboard: false });
}

function markerIcon(code, state) {
    const name = STATES[state];
    return L.divIcon({
        className: 'cm-marker',
        html: `<div class="cm cm-${name}" data-customer="${escape(code)}" data-status="${name}" role="img" aria-label="${escape(code)} ${name}"></div>`,
        iconSize: [16, 16],
    });
}

// A cluster takes the colour of its worst member: any offline → red ring; else any online → green.
function clusterIcon(cluster) {
    let offline = 0, online = 0;
    for (const marker of cluster.getAllChildMarkers()) {
        if (marker.options.state === 1) offline++;
        else if (marker.options.state === 0) online++;
    }
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

function escape(text) {
    return String(text).replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}
