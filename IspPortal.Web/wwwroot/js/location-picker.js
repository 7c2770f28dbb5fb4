// The registration wizard's pin: click the map to drop it, drag it to correct it. Owned by our
// LocationPicker component through IJSRuntime; Leaflet is loaded by App.razor.
const maps = new WeakMap();

export function create(element, options, component) {
    const map = L.map(element, { zoomControl: true }).setView([options.latitude, options.longitude], options.zoom);
    // Markers and clicks work without tiles (our test machines have no internet).
    L.tileLayer(options.tileUrl, { maxZoom: 19, attribution: '&copy; OpenStreetMap' }).addTo(map);
    const state = { map, marker: null, component };
    maps.set(element, state);
    map.on('click', e => place(state, e.latlng, true));
    if (options.pinned)
        place(state, L.latLng(options.latitude, options.longitude), false);
    // The map may be created inside a step that was hidden until now.
    setTimeout(() => map.invalidateSize(), 0);
}

export function moveTo(element, latitude, longitude, zoom) {
    const state = maps.get(element);
    if (state)
        state.map.setView([latitude, longitude], zoom ?? state.map.getZoom());
}

export function dispose(element) {
    const state = maps.get(element);
    if (state) {
        state.map.remove();
        maps.delete(element);
    }
}

function place(state, latlng, notify) {
    if (!state.marker) {
        state.marker = L.marker(latlng, { draggable: true, keyboard: true, title: 'Lokasi pelanggan' }).addTo(state.map);
        state.marker.getElement()?.setAttribute('data-testid', 'pin');
        state.marker.on('dragend', () => report(state, state.marker.getLatLng()));
    } else {
        state.marker.setLatLng(latlng);
    }
    if (notify)
        report(state, latlng);
}

function report(state, latlng) {
    const round = v => Math.round(v * 1e6) / 1e6;
    state.component.invokeMethodAsync('OnPinMoved', round(latlng.lat), round(latlng.lng));
}
