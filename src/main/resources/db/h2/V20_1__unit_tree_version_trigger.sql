-- H2: a new version of the tree of units (V20) after every statement that changes unit_link, by a Java trigger
-- (H2 has no triggers written in SQL): vn.doanvien.figures.UnitTreeChanged.
create trigger unit_link_changed after insert, update, delete on unit_link for each statement
    call 'vn.doanvien.figures.UnitTreeChanged';
