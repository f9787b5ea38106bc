"""Reads the Open311 GeoReport v2 API with a third-party client (the
`georeport` package from PyPI) in JSON and in XML, and prints what it saw
as one JSON document for the Rust test to compare.

Usage: check_open311.py BASE_URL JURISDICTION REQUEST_ID
"""
import json
import sys

from georeport import GeoReport


def as_list(v):
    # xmltodict gives a dict for a one-element list.
    if v is None:
        return []
    return v if isinstance(v, list) else [v]


def main():
    base, jurisdiction, request_id = sys.argv[1], sys.argv[2], sys.argv[3]
    out = {}
    for fmt in ("json", "xml"):
        client = GeoReport(base, jurisdiction=jurisdiction, output_format=fmt)
        services = as_list(client.get_service_list())
        requests = as_list(client.get_service_requests())
        one = client.get_service_request(request_id)
        definition = client.get_service_definition("poorly-lit")
        attrs = definition.get("attributes")
        if fmt == "xml":
            attrs = as_list((attrs or {}).get("attribute"))
        out[fmt] = {
            "service_codes": sorted(s["service_code"] for s in services),
            "service_names": sorted(s["service_name"] for s in services),
            "request_ids": sorted(r["service_request_id"] for r in requests),
            "one": {
                "id": one["service_request_id"],
                "service_code": one["service_code"],
                "status": one["status"],
                "lat": float(one["lat"]),
                "requested_datetime": one["requested_datetime"],
            },
            "attribute_codes": [a["code"] for a in attrs],
        }
    print(json.dumps(out, ensure_ascii=False))


if __name__ == "__main__":
    main()
