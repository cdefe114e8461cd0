//! A corpus: articles analysed in parallel, in the order they were given.

use crate::article::read::RawArticle;
use crate::article::{Article, Given};
use crate::error::{guard, Result};
use crate::parallel;
use crate::progress::{tick, Progress};
use rayon::prelude::*;

pub struct Corpus {
    pub articles: Vec<Article>,
    /// Per article, other JSON fields as a JSON object text.
    pub extras: Vec<Option<String>>,
}

impl Corpus {
    /// Analyse raw articles on `n_jobs` threads; the first error (in input order) wins.
    pub fn from_raw(raw: Vec<RawArticle>, lang_override: Option<crate::lang::Lang>, n_jobs: Option<usize>) -> Result<Corpus> {
        Corpus::from_raw_with_progress(raw, lang_override, n_jobs, None)
    }

    /// As `from_raw`, counting analysed articles in `progress`.
    pub fn from_raw_with_progress(
        raw: Vec<RawArticle>,
        lang_override: Option<crate::lang::Lang>,
        n_jobs: Option<usize>,
        progress: Option<&Progress>,
    ) -> Result<Corpus> {
        if let Some(p) = progress {
            p.set_total(raw.len());
        }
        let analysed: Vec<Result<(Article, Option<String>)>> = parallel::install(n_jobs, || {
            raw.into_par_iter()
                .map(|r| {
                    let given = Given { lang: lang_override.or(r.given.lang), ..r.given };
                    let id = r.id.clone();
                    let article = guard(&id, "reading the article", || Article::analyze(r.id, r.text, given)).and_then(|a| a).map(|a| (a, r.extra));
                    tick(progress, 1);
                    article
                })
                .collect()
        });
        let mut articles = Vec::with_capacity(analysed.len());
        let mut extras = Vec::with_capacity(analysed.len());
        for item in analysed {
            let (article, extra) = item?;
            articles.push(article);
            extras.push(extra);
        }
        Ok(Corpus { articles, extras })
    }
}
