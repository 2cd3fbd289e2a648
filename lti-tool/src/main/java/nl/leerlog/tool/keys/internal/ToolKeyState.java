package nl.leerlog.tool.keys.internal;

/** Where a tool key is in its life: published before it signs, signing, published until its tokens expire. */
public enum ToolKeyState {
    NEXT,
    CURRENT,
    RETIRED
}
