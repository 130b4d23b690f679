package vn.doanvien.common;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The columns of a table export: the record components of its row type, in order, named as in the JSON; and the
 * rows of the entity being written (a {@link Page}'s items or an {@link Exports.Table}'s rows).
 */
record ExportColumns(List<Column> columns, List<?> rows, String fileName) {

    record Column(String name, Method accessor) {
        Object value(Object row) {
            try {
                return accessor.invoke(row);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + name, e);
            }
        }
    }

    static boolean exportable(Class<?> type) {
        return Page.class.isAssignableFrom(type) || Exports.Table.class.isAssignableFrom(type);
    }

    static ExportColumns of(Object entity, Type genericType) {
        List<?> rows;
        Class<?> rowType;
        if (entity instanceof Exports.Table table) {
            rows = table.csvRows();
            rowType = table.csvRowType();
        } else {
            rows = ((Page<?>) entity).items();
            rowType = genericType instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> c
                    ? c : null;
        }
        Class<?> type = rowType;
        if ((type == null || !type.isRecord()) && !rows.isEmpty() && rows.get(0) != null) {
            type = rows.get(0).getClass();
        }
        List<Column> columns = new ArrayList<>();
        if (type != null && type.isRecord()) {
            for (RecordComponent c : type.getRecordComponents()) {
                Method m = c.getAccessor();
                m.setAccessible(true);
                columns.add(new Column(c.getName(), m));
            }
        }
        String name = rowType == null ? "export" : rowType.getSimpleName().replace("Response", "")
                .replace("Row", "").toLowerCase(Locale.ROOT);
        return new ExportColumns(columns, rows, name.isEmpty() ? "export" : name);
    }
}
