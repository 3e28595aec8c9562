//! The optional `authority` column of "Import records": a regional adoption agency's file can
//! hold several authorities' children, each row naming its authority.

use crate::storage::authorities::UNASSIGNED;
use crate::storage::document::Settings;
use scorecard::{ChildImport, Problem};

/// `import` with each child numbered as the workspace numbers the authority its row names, or
/// [`UNASSIGNED`] where the row names none (it then goes to the authority chosen in the
/// preview). A child whose row names an authority the workspace does not have is not imported:
/// the preview names its line, child and the column.
pub fn into_workspace(mut import: ChildImport, settings: &Settings) -> ChildImport {
    let named = std::mem::take(&mut import.authorities);
    let mut kept = Vec::with_capacity(import.records.len());
    for (line, mut child) in std::mem::take(&mut import.records) {
        let Some(index) = child.authority.checked_sub(1) else {
            child.authority = UNASSIGNED;
            kept.push((line, child));
            continue;
        };
        let name = named.get(index as usize).map_or("", String::as_str);
        match settings.authority_named(name) {
            Some(id) => {
                child.authority = id;
                kept.push((line, child));
            }
            None => {
                let problem = Problem::error(format!(
                    "there is no authority called {name} in this workspace; add it under \
                     Settings and backup first, or correct the name"
                ))
                .line(line)
                .field("authority");
                let problem = match child.child_id.trim() {
                    "" => problem,
                    id => problem.child(id),
                };
                if !import.problems.iter().any(|p| p.line == Some(line)) {
                    import.rows_with_problems += 1;
                }
                import.problems.push(problem);
            }
        }
    }
    scorecard::sorting::sort_by_key(&mut import.problems, |p| p.line);
    import.records = kept;
    import
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_row_goes_to_the_authority_it_names_and_an_unknown_one_is_named_by_line() {
        let mut settings = Settings {
            authority_name: "Northshire".into(),
            ..Settings::default()
        };
        settings.add_authority("Southshire");
        let text = "child_id,entered_care,authority\n\
                    C1,01/01/2013,SOUTHSHIRE\n\
                    C1,01/02/2013,northshire\n\
                    C2,01/03/2013,\n\
                    C3,01/04/2013,Westshire\n";
        let import = into_workspace(scorecard::read_children(text).unwrap(), &settings);
        let numbered: Vec<(usize, u32)> = import
            .records
            .iter()
            .map(|(line, c)| (*line, c.authority))
            .collect();
        assert_eq!(numbered, vec![(2, 1), (3, 0), (4, UNASSIGNED)]);
        assert_eq!(import.problems.len(), 1);
        let problem = import.problems[0].to_string();
        assert!(problem.contains("line 5"), "{problem}");
        assert!(problem.contains("C3"), "{problem}");
        assert!(problem.contains("Westshire"), "{problem}");
        assert_eq!(import.rows_with_problems, 1);
    }
}
